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
 * Commits a run's staged table snapshots: renames each staging folder into place, then replaces its
 * {@code CURRENT} by an atomic rename, so readers see the old snapshot or the new one, never a mix.
 * A run first seals its staged snapshots ({@link #seal}); from then on they are only committed,
 * never staged again, so a crash between two tables' switches resumes by switching the rest. Old
 * snapshots beyond the newest few are removed.
 */
public final class LakeCommitter {

  /** Snapshots kept per table, the current one included. */
  static final int SNAPSHOTS_KEPT = 3;

  private LakeCommitter() {}

  /** The tables a run commits, in the order their {@code CURRENT} pointers switch. */
  public static final List<String> TABLES =
      List.of(
          LakeLayout.CONTRACTS,
          LakeLayout.QUARANTINE,
          LakeLayout.AMENDMENTS,
          LakeLayout.CONTRACT_AMENDMENT_COUNTS);

  /** Where a run writes a table before the commit. */
  public static Path staging(Path lake, String table, String runId) {
    return LakeLayout.snapshot(lake, table, runId).resolveSibling(runId + ".staging");
  }

  /** The marker that says a run's staged snapshots are complete: {@code LAKE/.sealed-RUN_ID}. */
  static Path sealMarker(Path lake, String runId) {
    return lake.resolve(".sealed-" + runId);
  }

  /** Whether the run sealed its staged snapshots and has not finished committing them. */
  public static boolean isSealed(Path lake, String runId) {
    return Files.isRegularFile(sealMarker(lake, runId));
  }

  /** Marks the run's staged snapshots complete: a restart commits them as they are. */
  public static void seal(Path lake, String runId) throws IOException {
    Path marker = sealMarker(lake, runId);
    Path temporary = marker.resolveSibling(marker.getFileName() + ".tmp");
    Files.writeString(temporary, runId + "\n");
    Files.move(temporary, marker, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Commits every table of a sealed run, then removes the seal. Safe to call again after a crash at
   * any point: tables already switched stay as they are.
   */
  public static void commitSealed(Path lake, String runId) throws IOException {
    if (!isSealed(lake, runId)) {
      throw new IllegalStateException("run " + runId + " has not sealed its staged snapshots");
    }
    for (String table : TABLES) {
      commit(lake, table, runId);
    }
    Files.delete(sealMarker(lake, runId));
  }

  /**
   * The folder holding the run's snapshot of {@code table}: its staging folder until committed,
   * then the snapshot itself.
   */
  public static Path stagedOrCommitted(Path lake, String table, String runId) {
    Path staging = staging(lake, table, runId);
    return Files.isDirectory(staging) ? staging : LakeLayout.snapshot(lake, table, runId);
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
