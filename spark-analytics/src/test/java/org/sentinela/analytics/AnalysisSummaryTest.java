package org.sentinela.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.reporting.RunCounts;

class AnalysisSummaryTest {

  @Test
  void isOneLineOfJson() {
    TreeMap<String, Long> byDetector = new TreeMap<>();
    byDetector.put("VALUE_OUTLIER", 3L);
    AnalysisSummary summary =
        new AnalysisSummary("r1", new RunCounts(120, 100, 98, 2), byDetector, 12.43);

    assertThat(summary.toJson())
        .isEqualTo(
            "{\"run_id\":\"r1\",\"contracts_in_snapshot\":120,\"contracts_current\":100,"
                + "\"contracts_scored\":98,\"contracts_unscored\":2,"
                + "\"anomalies_by_detector\":{\"VALUE_OUTLIER\":3},\"seconds\":12.4}");
  }
}
