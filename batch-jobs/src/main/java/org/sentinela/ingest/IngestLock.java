package org.sentinela.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One ingest per lake at a time: an exclusive lock on {@code LAKE/.ingest.lock}, released when the
 * process ends, however it ends (the operating system drops the lock of a killed process).
 */
final class IngestLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private IngestLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code lake}.
   *
   * @throws IllegalStateException when another process is ingesting into the same lake
   */
  static IngestLock acquire(Path lake) {
    Path file = lake.resolve(".ingest.lock");
    try {
      Files.createDirectories(lake);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "another ingest is running on the lake " + lake + " (" + file + " is locked)");
      }
      return new IngestLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the ingest lock", e);
    }
  }
}
