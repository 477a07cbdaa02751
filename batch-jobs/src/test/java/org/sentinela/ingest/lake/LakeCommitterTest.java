package org.sentinela.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.model.LakeLayout;

class LakeCommitterTest {

  @TempDir Path lake;

  @Test
  void commitMakesTheStagedSnapshotCurrentAndKeepsOnlyTheNewestThree() throws IOException {
    for (int run = 1; run <= 4; run++) {
      stage("run-" + run, FileTime.fromMillis(1_000_000L * run));
      LakeCommitter.commit(lake, LakeLayout.CONTRACTS, "run-" + run);
    }

    assertThat(LakeLayout.currentSnapshot(lake, LakeLayout.CONTRACTS))
        .contains(LakeLayout.snapshot(lake, LakeLayout.CONTRACTS, "run-4"));
    assertThat(snapshotNames()).containsExactlyInAnyOrder("run-2", "run-3", "run-4");
    assertThat(LakeLayout.snapshot(lake, LakeLayout.CONTRACTS, "run-4").resolve("part-a.parquet"))
        .hasContent("rows of run-4");
  }

  @Test
  void committingAgainAfterACrashBetweenRenameAndPointerIsSafe() throws IOException {
    stage("run-1", FileTime.fromMillis(1_000_000L));
    LakeCommitter.commit(lake, LakeLayout.CONTRACTS, "run-1");
    Files.delete(lake.resolve("contracts").resolve(LakeLayout.CURRENT));

    LakeCommitter.commit(lake, LakeLayout.CONTRACTS, "run-1");

    assertThat(LakeLayout.currentSnapshot(lake, LakeLayout.CONTRACTS))
        .contains(LakeLayout.snapshot(lake, LakeLayout.CONTRACTS, "run-1"));
    assertThat(LakeLayout.snapshot(lake, LakeLayout.CONTRACTS, "run-1").resolve("part-a.parquet"))
        .hasContent("rows of run-1");
  }

  @Test
  void aTableWithNothingStagedGetsAnEmptyCurrentSnapshot() throws IOException {
    LakeCommitter.commit(lake, LakeLayout.QUARANTINE, "run-1");

    Path current = LakeLayout.currentSnapshot(lake, LakeLayout.QUARANTINE).orElseThrow();
    assertThat(current).isEmptyDirectory();
  }

  private void stage(String runId, FileTime time) throws IOException {
    Path staging = LakeCommitter.staging(lake, LakeLayout.CONTRACTS, runId);
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("part-a.parquet"), "rows of " + runId);
    Files.setLastModifiedTime(staging, time);
  }

  private java.util.List<String> snapshotNames() throws IOException {
    try (Stream<Path> entries = Files.list(lake.resolve("contracts").resolve("snapshots"))) {
      return entries.map(p -> p.getFileName().toString()).toList();
    }
  }
}
