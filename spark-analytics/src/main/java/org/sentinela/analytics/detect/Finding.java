package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import org.sentinela.analytics.significance.PValues;

/**
 * What a detector found about one contract. Its severity and q-value are the night's, not the
 * detector's: {@link org.sentinela.analytics.significance.SignificanceStage} sets them from the
 * p-values of all the night's findings.
 *
 * @param anomalyId stable id: the same detector and contract give the same id every night
 * @param detector detector name, e.g. {@code VALUE_OUTLIER}
 * @param score how strong the signal is on the detector's own scale (for VALUE_OUTLIER, |robust z|)
 * @param pValue the probability, under the detector's null model, of evidence at least this strong;
 *     in (0, 1]
 * @param threshold the threshold the score was compared with
 * @param thresholdVersion version of that threshold in {@code detector_thresholds}
 * @param evidenceJson a JSON object with the numbers behind the finding
 * @param explanation one readable sentence
 */
public record Finding(
    String anomalyId,
    String detector,
    double score,
    double pValue,
    BigDecimal threshold,
    int thresholdVersion,
    String evidenceJson,
    String explanation)
    implements Serializable {

  public Finding {
    Objects.requireNonNull(anomalyId, "anomalyId");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(evidenceJson, "evidenceJson");
    Objects.requireNonNull(explanation, "explanation");
    if (!(score >= 0 && Double.isFinite(score))) {
      throw new IllegalArgumentException("score must be finite and >= 0, got " + score);
    }
    PValues.requireValid(detector + " p-value", pValue);
    if (!evidenceJson.startsWith("{")) {
      throw new IllegalArgumentException("evidence must be a JSON object, got " + evidenceJson);
    }
  }
}
