package org.sentinela.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcSummaryTest {

  @Test
  void takesThePeakBeforeAndAfterCollectionsAndCountsFullOnes() {
    List<String> log =
        List.of(
            "[0.004s][info][gc] Using G1",
            "[0.310s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(512M) 3.1ms",
            "[1.920s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation)"
                + " 301M->88M(512M) 9.104ms",
            "[1.921s][info][gc] GC(2) Concurrent Mark Cycle",
            "[1.990s][info][gc] GC(2) Pause Remark 120M->118M(512M) 2.0ms",
            "[2.500s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 510M->210M(480M) 175.7ms",
            "[2.600s][info][gc] GC(2) Concurrent Mark Cycle 80.1ms");

    GcSummary gc = GcSummary.parse(log);

    assertThat(gc).isEqualTo(new GcSummary(510, 210, 512, 4, 1));
  }

  @Test
  void aRunWithoutCollectionsHasNothingToReport() {
    assertThat(GcSummary.parse(List.of("[0.004s][info][gc] Using G1")))
        .isEqualTo(new GcSummary(0, 0, 0, 0, 0));
  }
}
