package org.sentinela.analytics.detect;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.baseline.SegmentBaseline;
import org.sentinela.analytics.baseline.SegmentChoice;
import org.sentinela.analytics.baseline.SegmentStats;
import org.sentinela.analytics.significance.NormalTail;

/**
 * VALUE_OUTLIER: a contract whose seasonally adjusted ln(value) lies at least {@code threshold}
 * robust deviations <em>above</em> the median of its segment: a price far above what the same kind
 * of buyer pays for the same kind of purchase, the overpricing (sobrepreço) an auditor looks for.
 * The segment is the finest one with at least {@code minSegmentSize} contracts; the adjustment
 * subtracts the seasonal factor of that segment for the month of signature ({@link
 * SeasonalFactors}: a December purchase is compared with what Decembers cost).
 *
 * <p>The spread is the segment's MAD moderated toward its parent segment's ({@link
 * ModeratedSpread}, the parent weighing as k contracts, k estimated from tonight's baselines per
 * level by {@link ParentWeights}, {@code minSegmentSize} until then), then floored at {@code
 * minMad}: a small segment's MAD is noisy; a chance narrow one made ordinary values of small organs
 * and states look extreme, and a chance wide one hid real outliers. The p-value is the one-sided
 * upper tail of Student's t of z, whose degrees of freedom grow with the segment's size ({@link
 * ModeratedSpread#upperPValue}): the null model is a normal ln(value) within the segment, with a
 * median and spread estimated from n contracts. A contract is flagged when z is at least {@code
 * threshold} and its p-value at most the normal upper tail of the threshold ({@link #maxPValue}):
 * the threshold is the z a contract of a large segment needs, and a small segment's contract needs
 * the same evidence, so a higher z.
 *
 * <p>Values far <em>below</em> the median are not flagged. A contract far cheaper than its peers
 * puts no public money at risk; on real files it is nearly always a registration artefact (a
 * price-registration minute's token value, one item's price for the whole purchase, a placeholder),
 * which is a data-quality matter: IMPLAUSIBLE_VALUE reports placeholders and scale slips. Flagged
 * both ways, the low side gave half of this detector's false positives on the labelled evaluation
 * and none of its true positives (docs/quality.md).
 *
 * @param threshold robust z from which a contract of a large segment is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param minSegmentSize smallest segment a contract may be scored against (national excepted), and
 *     the weight of the parent's spread at a level whose weight tonight's baselines cannot estimate
 * @param minMad floor of the (moderated) MAD of ln(value)
 * @param seasonalFactors tonight's seasonal factors
 * @param parentWeights k per level, as tonight's baselines give it
 */
public record ValueOutlierDetector(
    BigDecimal threshold,
    int thresholdVersion,
    int minSegmentSize,
    double minMad,
    SeasonalFactors seasonalFactors,
    ParentWeights parentWeights)
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
    Objects.requireNonNull(parentWeights, "parentWeights");
  }

  /**
   * The largest p-value flagged: the normal upper tail of the threshold (2.3 × 10⁻⁴ at 3.5). A
   * contract of a large segment is flagged from z = threshold; one of a small segment, whose median
   * and spread are less certain, needs a higher z (4.1 for 40 contracts, 3.8 for 100).
   */
  public double maxPValue() {
    return NormalTail.upper(threshold.doubleValue());
  }

  /**
   * The detector without seasonal adjustment and with k = {@code minSegmentSize} at every level
   * (until {@link #forTonight}).
   */
  public ValueOutlierDetector(
      BigDecimal threshold, int thresholdVersion, int minSegmentSize, double minMad) {
    this(
        threshold,
        thresholdVersion,
        minSegmentSize,
        minMad,
        SeasonalFactors.NONE,
        ParentWeights.fixed(minSegmentSize));
  }

  /**
   * This detector as tonight's data calibrate it: adjusting for the seasonal factors, and
   * moderating each segment's spread with the k that {@code baselines} (every segment of every
   * level) give its level.
   */
  public ValueOutlierDetector forTonight(SeasonalFactors tonight, List<SegmentBaseline> baselines) {
    return new ValueOutlierDetector(
        threshold,
        thresholdVersion,
        minSegmentSize,
        minMad,
        tonight,
        ParentWeights.estimate(baselines, minSegmentSize, minMad));
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
    ModeratedSpread spread = ModeratedSpread.of(segment, contract.segments(), parentWeights);
    double z = RobustZ.of(adjusted, segment.medianLogValue(), spread.mad(), minMad);
    if (z < threshold.doubleValue()) {
      return Optional.empty();
    }
    double pValue = spread.upperPValue(z);
    if (pValue > maxPValue()) {
      return Optional.empty();
    }
    ValueOutlierReport report =
        new ValueOutlierReport(this, contract, choice, spread, season, adjusted, z, pValue);
    return Optional.of(
        new Finding(
            AnomalyIds.of(NAME, contract.naturalKey()),
            NAME,
            z,
            pValue,
            threshold,
            thresholdVersion,
            report.evidenceJson(),
            report.explanation()));
  }
}
