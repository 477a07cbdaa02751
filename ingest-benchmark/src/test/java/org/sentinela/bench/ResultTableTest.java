package org.sentinela.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  private static final GcSummary GC = new GcSummary(500, 120, 512, 40, 0);

  @Test
  void printsEachRunAndTheThroughputRatioOfEachDataSet() {
    List<Measurement> runs =
        List.of(
            new Measurement(ResultTable.INGEST, 1_000_000, 14, 10, 700 * 1024, 25.2, GC),
            new Measurement(ResultTable.SPARK, 1_000_000, 30, 20, 1200 * 1024, 45, GC));

    String table = ResultTable.format(runs);

    assertThat(table)
        .contains("batch-jobs ingest", "1,000,000", "100,000", "71,429", "1.80", "120 MB", "700 MB")
        .contains("1,000,000 rows: ingest / Spark throughput = 2.00x (work), 2.14x (wall)")
        .contains("throughput >= 1.2x Spark at 1,000,000 rows: 2.00x -- MET");
  }

  @Test
  void refusesARunWhoseWorkTookLongerThanItsJvm() {
    assertThatThrownBy(() -> new Measurement(ResultTable.SPARK, 10, 1, 2, 0, 1, GC))
        .hasMessageContaining("implausible run of Spark");
  }
}
