package org.sentinela.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.model.LakeLayout;

/** Which lake the night refuses to analyse, and what it says. */
class CurrentSnapshotTest {

  @TempDir Path lake;

  @Test
  void aMissingLakeOrPointerIsNamed() {
    assertThatThrownBy(() -> NightlyRun.currentSnapshot(lake.resolve("none")))
        .isInstanceOf(AnalysisFailure.class)
        .hasMessageContaining("the lake folder " + lake.resolve("none") + " does not exist");
    assertThatThrownBy(() -> NightlyRun.currentSnapshot(lake))
        .isInstanceOf(AnalysisFailure.class)
        .hasMessageContaining("is missing; run the ingest first");
  }

  @Test
  void aSnapshotWithoutContractsSaysNoFileWasIngestedAndWhereToLook() throws Exception {
    Path snapshot = pointTo("run-1");

    assertThatThrownBy(() -> NightlyRun.currentSnapshot(lake))
        .isInstanceOf(AnalysisFailure.class)
        .hasMessageContaining(snapshot + " holds no contracts: no input file has been ingested")
        .hasMessageContaining("scripts/sentinela runs");

    Path part = snapshot.resolve("signature_year=2022/signature_month=1/part-0.parquet");
    Files.createDirectories(part.getParent());
    Files.write(part, new byte[] {'P', 'A', 'R', '1'});
    assertThat(NightlyRun.currentSnapshot(lake)).isEqualTo(snapshot);
  }

  private Path pointTo(String runId) throws Exception {
    Path snapshot = LakeLayout.snapshot(lake, LakeLayout.CONTRACTS, runId);
    Files.createDirectories(snapshot);
    Files.writeString(
        LakeLayout.table(lake, LakeLayout.CONTRACTS).resolve(LakeLayout.CURRENT), runId + "\n");
    return snapshot;
  }
}
