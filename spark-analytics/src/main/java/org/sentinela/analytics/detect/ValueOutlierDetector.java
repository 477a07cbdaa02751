package org.sentinela.analytics.detect;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.baseline.SegmentChoice;
import org.sentinela.analytics.baseline.SegmentStats;
import org.sentinela.analytics.significance.NormalTail;

/**
 * VALUE_OUTLIER: a contract whose ln(value) lies at least {@code threshold} robust deviations from
 * the median of its segment. The segment is the finest one with at least {@code minSegmentSize}
 * contracts; the MAD is floored at {@code minMad}. Its p-value is the two-sided normal tail of z:
 * the null model is a normal ln(value) within the segment, with the median as centre and 1.4826 ×
 * MAD as standard deviation.
 *
 * @param threshold |robust z| at or above which a contract is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param minSegmentSize smallest segment a contract may be scored against (national excepted)
 * @param minMad floor of the MAD of ln(value)
 */
public record ValueOutlierDetector(
    BigDecimal threshold, int thresholdVersion, int minSegmentSize, double minMad)
    implements Detector {

  /** The detector's name in {@code detector_thresholds} and {@code anomalies}. */
  public static final String NAME = "VALUE_OUTLIER";

  public static final String MIN_SEGMENT_SIZE = "min_segment_size";
  public static final String MIN_MAD = "min_mad";

  public ValueOutlierDetector {
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.signum() <= 0) {
      throw new IllegalArgumentException(NAME + " threshold must be > 0, got " + threshold);
    }
    if (thresholdVersion < 1) {
      throw new IllegalArgumentException(
          NAME + " threshold version must be >= 1, got " + thresholdVersion);
    }
    if (minSegmentSize < 1) {
      throw new IllegalArgumentException(
          NAME + " " + MIN_SEGMENT_SIZE + " must be >= 1, got " + minSegmentSize);
    }
    if (!(minMad > 0 && Double.isFinite(minMad))) {
      throw new IllegalArgumentException(NAME + " " + MIN_MAD + " must be > 0, got " + minMad);
    }
  }

  /** The detector configured by its current threshold row. */
  public static ValueOutlierDetector fromThreshold(DetectorThreshold row) {
    if (!NAME.equals(row.detector())) {
      throw new IllegalArgumentException(
          "expected a " + NAME + " threshold, got " + row.detector());
    }
    return new ValueOutlierDetector(
        row.threshold(),
        row.version(),
        row.intParameter(MIN_SEGMENT_SIZE),
        row.doubleParameter(MIN_MAD));
  }

  /**
   * ln(R$ 1): values at or below it are placeholders (credenciamentos at R$ 0,01, symbolic values)
   * that IMPLAUSIBLE_VALUE reports; as "outliers" they would fill the top of every night.
   */
  static final double PLACEHOLDER_LOG_VALUE = 0.0;

  /** Every contract with a value above R$ 1 is tested. */
  @Override
  public boolean tests(ContractFacts contract) {
    BigDecimal value = contract.scoredValue();
    return value != null && Math.log(value.doubleValue()) > PLACEHOLDER_LOG_VALUE;
  }

  @Override
  public Optional<Finding> evaluate(ContractProfile contract) {
    if (contract.logValue() <= PLACEHOLDER_LOG_VALUE) {
      return Optional.empty();
    }
    SegmentChoice choice = SegmentChoice.choose(contract.segments(), minSegmentSize, minMad);
    SegmentStats segment = choice.chosen();
    double z =
        RobustZ.of(contract.logValue(), segment.medianLogValue(), segment.madLogValue(), minMad);
    double score = Math.abs(z);
    if (score < threshold.doubleValue()) {
      return Optional.empty();
    }
    double pValue = NormalTail.twoSided(z);
    ValueOutlierReport report = new ValueOutlierReport(this, contract, choice, z, pValue);
    return Optional.of(
        new Finding(
            AnomalyIds.of(NAME, contract.naturalKey()),
            NAME,
            score,
            pValue,
            threshold,
            thresholdVersion,
            report.evidenceJson(),
            report.explanation()));
  }
}
