package org.sentinela.ingest.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sentinela.model.LakeLayout;

/**
 * Commits a run's staged table snapshot: renames the staging folder into place, then replaces
 * {@code CURRENT} by an atomic rename, so readers see the old snapshot or the new one, never a mix.
 * Committing again after a crash is safe. Old snapshots beyond the newest few are removed.
 */
public final class LakeCommitter {

  /** Snapshots kept per table, the current one included. */
  static final int SNAPSHOTS_KEPT = 3;

  private LakeCommitter() {}

  /** Where a run writes a table before the commit. */
  public static Path staging(Path lake, String table, String runId) {
    return LakeLayout.snapshot(lake, table, runId).resolveSibling(runId + ".staging");
  }

  /** Makes the run's staged snapshot of {@code table} the current one. */
  public static void commit(Path lake, String table, String runId) throws IOException {
    Path staging = staging(lake, table, runId);
    Path target = LakeLayout.snapshot(lake, table, runId);
    if (Files.isDirectory(staging)) {
      if (Files.exists(target)) {
        deleteRecursively(target);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } else if (!Files.isDirectory(target)) {
      Files.createDirectories(target);
    }
    Path pointer = LakeLayout.table(lake, table).resolve(LakeLayout.CURRENT);
    Path temporary = pointer.resolveSibling(LakeLayout.CURRENT + "." + runId + ".tmp");
    Files.writeString(temporary, runId + "\n");
    Files.move(temporary, pointer, StandardCopyOption.ATOMIC_MOVE);
    pruneOldSnapshots(target.getParent(), runId);
  }

  private static void pruneOldSnapshots(Path snapshots, String currentRunId) throws IOException {
    List<Path> old;
    try (Stream<Path> entries = Files.list(snapshots)) {
      old =
          entries
              .filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().endsWith(".staging"))
              .filter(p -> !p.getFileName().toString().equals(currentRunId))
              .sorted(Comparator.comparing(LakeCommitter::modified).reversed())
              .skip(SNAPSHOTS_KEPT - 1)
              .toList();
    }
    for (Path snapshot : old) {
      deleteRecursively(snapshot);
    }
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return 0L;
    }
  }

  static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
