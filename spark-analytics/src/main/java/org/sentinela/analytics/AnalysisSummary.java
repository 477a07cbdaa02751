package org.sentinela.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.sentinela.analytics.reporting.RunCounts;

/**
 * What a nightly analysis did, printed as one JSON line at the end.
 *
 * @param runId the run
 * @param counts contracts looked at
 * @param anomaliesByDetector anomalies published per detector
 * @param seconds wall-clock seconds of the analysis
 */
public record AnalysisSummary(
    String runId, RunCounts counts, SortedMap<String, Long> anomaliesByDetector, double seconds) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public AnalysisSummary {
    anomaliesByDetector = Collections.unmodifiableSortedMap(new TreeMap<>(anomaliesByDetector));
  }

  /**
   * One line, e.g. {@code {"run_id":"r1","contracts_in_snapshot":120,"contracts_current":100,
   * "contracts_scored":98,"contracts_unscored":2,"anomalies_by_detector":{"VALUE_OUTLIER":3},
   * "seconds":12.4}}.
   */
  public String toJson() {
    ObjectNode json = JSON.createObjectNode();
    json.put("run_id", runId);
    json.put("contracts_in_snapshot", counts.contractsInSnapshot());
    json.put("contracts_current", counts.contractsCurrent());
    json.put("contracts_scored", counts.contractsScored());
    json.put("contracts_unscored", counts.contractsUnscored());
    ObjectNode byDetector = json.putObject("anomalies_by_detector");
    anomaliesByDetector.forEach(byDetector::put);
    json.put("seconds", BigDecimal.valueOf(seconds).setScale(1, RoundingMode.HALF_UP));
    return json.toString();
  }
}
