package org.sentinela.analytics.detect;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Objects;
import org.sentinela.analytics.legal.LegalLimit;

/** Evidence objects of the procurement detectors: common fields first, decimals written plain. */
final class EvidenceJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private EvidenceJson() {}

  /**
   * A new evidence object holding {@code detector}, {@code threshold}, {@code threshold_version}.
   */
  static ObjectNode start(String detector, BigDecimal threshold, int thresholdVersion) {
    ObjectNode evidence = JSON.createObjectNode();
    evidence.put("detector", detector);
    evidence.put("threshold", threshold);
    evidence.put("threshold_version", thresholdVersion);
    return evidence;
  }

  /** Adds the dispensa limit a finding was judged against: its law, kind, basis, amount and act. */
  static void putLegalLimit(ObjectNode evidence, LegalLimit limit) {
    evidence.put("law", limit.law().name());
    evidence.put("limit_kind", limit.kind().name());
    evidence.put("limit_basis", limit.kind().provision());
    evidence.put("limit", limit.amount());
    evidence.put("limit_act", limit.act());
    evidence.put("limit_year", limit.year());
  }

  /** Adds {@code p_value} and the convention it follows ({@code RuleConvention}). */
  static void putConventionalPValue(ObjectNode evidence, double pValue) {
    evidence.put("p_value", pValue);
    evidence.put("p_value_model", "convention: 1e-6 ^ (score / threshold)");
  }

  /** The object as JSON text. */
  static String write(ObjectNode evidence, String naturalKey) {
    try {
      return JSON.writeValueAsString(evidence);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the evidence of " + naturalKey, e);
    }
  }

  /** Checks a detector's threshold and version, naming the detector in the error. */
  static void requireValid(String detector, BigDecimal threshold, int thresholdVersion) {
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.signum() <= 0) {
      throw new IllegalArgumentException(detector + " threshold must be > 0, got " + threshold);
    }
    if (thresholdVersion < 1) {
      throw new IllegalArgumentException(
          detector + " threshold version must be >= 1, got " + thresholdVersion);
    }
  }
}
