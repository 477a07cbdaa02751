package org.sentinela.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** Opens an input file, or one entry of a zip archive in place (nothing is extracted). */
public final class InputFiles {

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  private InputFiles() {}

  /** True if the file starts with a zip archive's local-file-header signature. */
  public static boolean isZipArchive(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The bytes of the file, or of {@code zipEntry} inside it when not null. */
  public static InputStream open(Path file, String zipEntry) {
    try {
      if (zipEntry == null) {
        return Files.newInputStream(file);
      }
      ZipFile zip = new ZipFile(file.toFile());
      ZipEntry entry = zip.getEntry(zipEntry);
      if (entry == null) {
        zip.close();
        throw new IOException("no entry " + zipEntry);
      }
      return new FilterInputStream(zip.getInputStream(entry)) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            zip.close();
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open " + file + (zipEntry == null ? "" : "!" + zipEntry), e);
    }
  }

  /** SHA-256 (hex) of a whole file, as read from disk. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Bytes a reader of the file (or of {@code zipEntry} inside it, uncompressed) will read; -1 when
   * a zip does not record the entry's size.
   */
  public static long size(Path file, String zipEntry) {
    try {
      if (zipEntry == null) {
        return Files.size(file);
      }
      try (ZipFile zip = new ZipFile(file.toFile())) {
        ZipEntry entry = zip.getEntry(zipEntry);
        return entry == null ? -1 : entry.getSize();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the size of " + file + (zipEntry == null ? "" : "!" + zipEntry), e);
    }
  }

  /** A Spring resource for a reader: the plain file, or the zip entry streamed in place. */
  public static Resource resource(Path file, String zipEntry) {
    if (zipEntry == null) {
      return new FileSystemResource(file);
    }
    return new AbstractResource() {
      @Override
      public String getDescription() {
        return file + "!" + zipEntry;
      }

      @Override
      public boolean exists() {
        return Files.isRegularFile(file);
      }

      @Override
      public String getFilename() {
        return zipEntry;
      }

      @Override
      public InputStream getInputStream() {
        return open(file, zipEntry);
      }
    };
  }
}
