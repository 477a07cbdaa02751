package org.sentinela.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

  @Test
  void meetsEveryTargetWhenFasterThanSparkAndFlatWithinTheLimit() {
    List<Measurement> runs =
        List.of(
            ingest(4_000_000, 40, new GcSummary(505, 180, 512, 300, 0)),
            spark(4_000_000, 50),
            ingest(1_000_000, 10, new GcSummary(490, 160, 512, 80, 0)),
            spark(1_000_000, 13));

    assertThat(Targets.verdicts(runs))
        .containsExactly(
            "throughput >= 1.2x Spark at 1,000,000 rows: 1.30x -- MET",
            "throughput >= 1.2x Spark at 4,000,000 rows: 1.25x -- MET",
            "heap <= 512 MB at 1,000,000 rows: peak 490 MB, 0 full GCs -- MET",
            "heap <= 512 MB at 4,000,000 rows: peak 505 MB, 0 full GCs -- MET",
            "heap flat across sizes: after GC at most 160 MB at 1,000,000 rows,"
                + " 180 MB at 4,000,000 rows -- MET");
  }

  @Test
  void missesTheRatioTheHeapLimitAndFlatnessWhenTheyAreNotReached() {
    List<Measurement> runs =
        List.of(
            ingest(1_000_000, 10, new GcSummary(400, 100, 512, 80, 0)),
            spark(1_000_000, 11),
            ingest(4_000_000, 40, new GcSummary(900, 700, 1024, 300, 2)),
            spark(4_000_000, 44));

    assertThat(Targets.verdicts(runs))
        .containsExactly(
            "throughput >= 1.2x Spark at 1,000,000 rows: 1.10x -- MISSED",
            "throughput >= 1.2x Spark at 4,000,000 rows: 1.10x -- MISSED",
            "heap <= 512 MB at 1,000,000 rows: peak 400 MB, 0 full GCs -- MET",
            "heap <= 512 MB at 4,000,000 rows: peak 900 MB, 2 full GCs -- MISSED",
            "heap flat across sizes: after GC at most 100 MB at 1,000,000 rows,"
                + " 700 MB at 4,000,000 rows -- MISSED");
  }

  @Test
  void saysFlatnessIsNotShownWithOneDataSet() {
    assertThat(Targets.verdicts(List.of(ingest(1000, 1, new GcSummary(50, 20, 512, 3, 0)))))
        .endsWith("heap flat across sizes: not shown, one data set only");
  }

  private static Measurement ingest(long rows, double seconds, GcSummary gc) {
    return new Measurement(ResultTable.INGEST, rows, seconds + 5, seconds, 600 * 1024, 1, gc);
  }

  private static Measurement spark(long rows, double seconds) {
    return new Measurement(
        ResultTable.SPARK, rows, seconds + 9, seconds, 900 * 1024, 1, new GcSummary(1, 1, 1, 1, 0));
  }
}
