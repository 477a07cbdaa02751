package org.sentinela.analytics.detect;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.baseline.SegmentChoice;
import org.sentinela.analytics.baseline.SegmentStats;
import org.sentinela.analytics.significance.NormalTail;

/**
 * VALUE_OUTLIER: a contract whose seasonally adjusted ln(value) lies at least {@code threshold}
 * robust deviations from the median of its segment. The segment is the finest one with at least
 * {@code minSegmentSize} contracts; the MAD is floored at {@code minMad}; the adjustment subtracts
 * the seasonal factor of that segment for the month of signature ({@link SeasonalFactors}: a
 * December purchase is compared with what Decembers cost). Its p-value is the two-sided normal tail
 * of z: the null model is a normal ln(value) within the segment, with the median as centre and
 * 1.4826 × MAD as standard deviation.
 *
 * @param threshold |robust z| at or above which a contract is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param minSegmentSize smallest segment a contract may be scored against (national excepted)
 * @param minMad floor of the MAD of ln(value)
 * @param seasonalFactors tonight's seasonal factors
 */
public record ValueOutlierDetector(
    BigDecimal threshold,
    int thresholdVersion,
    int minSegmentSize,
    double minMad,
    SeasonalFactors seasonalFactors)
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
    Objects.requireNonNull(seasonalFactors, "seasonalFactors");
  }

  /** The detector without seasonal adjustment (until {@link #withSeasonalFactors}). */
  public ValueOutlierDetector(
      BigDecimal threshold, int thresholdVersion, int minSegmentSize, double minMad) {
    this(threshold, thresholdVersion, minSegmentSize, minMad, SeasonalFactors.NONE);
  }

  /** This detector adjusting for tonight's seasonal factors. */
  public ValueOutlierDetector withSeasonalFactors(SeasonalFactors tonight) {
    return new ValueOutlierDetector(threshold, thresholdVersion, minSegmentSize, minMad, tonight);
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
    Optional<SeasonalFactor> season =
        seasonalFactors.of(
            segment.level().name(),
            segment.segmentKey(),
            contract.contract().signatureDate().getMonthValue());
    double adjusted = contract.logValue() - season.map(SeasonalFactor::factor).orElse(0.0);
    double z = RobustZ.of(adjusted, segment.medianLogValue(), segment.madLogValue(), minMad);
    double score = Math.abs(z);
    if (score < threshold.doubleValue()) {
      return Optional.empty();
    }
    double pValue = NormalTail.twoSided(z);
    ValueOutlierReport report =
        new ValueOutlierReport(this, contract, choice, season, adjusted, z, pValue);
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
