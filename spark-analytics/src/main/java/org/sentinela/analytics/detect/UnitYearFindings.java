package org.sentinela.analytics.detect;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a unit-level detector's stage found: its anomaly rows and how many hypotheses (units' years,
 * or units' years and limits) it tested, the detector's share of the night's m.
 *
 * @param detector the detector's name
 * @param anomalies one row per flag, in the {@link AnomalyStage} layout
 * @param hypotheses how many it tested, flagged or not
 */
public record UnitYearFindings(String detector, Dataset<Row> anomalies, long hypotheses) {

  public UnitYearFindings {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(anomalies, "anomalies");
    if (hypotheses < 0) {
      throw new IllegalArgumentException(detector + " hypotheses must be >= 0, got " + hypotheses);
    }
  }
}
