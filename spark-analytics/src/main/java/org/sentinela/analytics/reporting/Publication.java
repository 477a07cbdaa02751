package org.sentinela.analytics.reporting;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one publication wrote.
 *
 * @param runId the run
 * @param anomaliesByDetector anomaly rows per detector
 * @param baselines baseline rows
 * @param seasonalFactors seasonal factor rows
 */
public record Publication(
    String runId,
    SortedMap<String, Long> anomaliesByDetector,
    long baselines,
    long seasonalFactors) {

  public Publication {
    anomaliesByDetector = Collections.unmodifiableSortedMap(new TreeMap<>(anomaliesByDetector));
  }

  /** A publication with the counts of {@code byDetector}. */
  public static Publication of(
      String runId, Map<String, Long> byDetector, long baselines, long seasonalFactors) {
    return new Publication(runId, new TreeMap<>(byDetector), baselines, seasonalFactors);
  }

  /** All anomaly rows of the run. */
  public long anomalies() {
    return anomaliesByDetector.values().stream().mapToLong(Long::longValue).sum();
  }
}
