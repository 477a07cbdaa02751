package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.legal.LegalLimits;
import org.sentinela.analytics.significance.EmpiricalTail;

/**
 * The detectors of a night, each configured by its current threshold row.
 *
 * @param valueOutlier VALUE_OUTLIER
 * @param amendmentOverLimit AMENDMENT_OVER_LIMIT
 * @param implausibleValue IMPLAUSIBLE_VALUE
 * @param contractSplitting CONTRACT_SPLITTING
 * @param duplicateRegistration DUPLICATE_REGISTRATION
 * @param temporalSpike TEMPORAL_SPIKE
 */
public record Detectors(
    ValueOutlierDetector valueOutlier,
    AmendmentOverLimitDetector amendmentOverLimit,
    ImplausibleValueDetector implausibleValue,
    ContractSplittingDetector contractSplitting,
    DuplicateRegistrationDetector duplicateRegistration,
    TemporalSpikeDetector temporalSpike)
    implements Serializable {

  /** The detectors whose hypotheses are contracts, in the order of {@link #tests}. */
  public static final List<String> CONTRACT_HYPOTHESES =
      List.of(
          ValueOutlierDetector.NAME,
          AmendmentOverLimitDetector.NAME,
          ImplausibleValueDetector.NAME,
          ContractSplittingDetector.NAME,
          DuplicateRegistrationDetector.NAME);

  /** Every detector's name, as in {@code detector_thresholds}. */
  public static final List<String> NAMES =
      List.of(
          ValueOutlierDetector.NAME,
          AmendmentOverLimitDetector.NAME,
          ImplausibleValueDetector.NAME,
          ContractSplittingDetector.NAME,
          DuplicateRegistrationDetector.NAME,
          TemporalSpikeDetector.NAME);

  public Detectors {
    Objects.requireNonNull(valueOutlier, "valueOutlier");
    Objects.requireNonNull(amendmentOverLimit, "amendmentOverLimit");
    Objects.requireNonNull(implausibleValue, "implausibleValue");
    Objects.requireNonNull(contractSplitting, "contractSplitting");
    Objects.requireNonNull(duplicateRegistration, "duplicateRegistration");
    Objects.requireNonNull(temporalSpike, "temporalSpike");
  }

  /**
   * Builds every detector from its threshold row.
   *
   * @param thresholds the current threshold row of a detector name
   * @param limits the legal limits table
   * @throws IllegalArgumentException when a row's parameters are missing or invalid
   */
  public static Detectors configure(
      Function<String, DetectorThreshold> thresholds, LegalLimits limits) {
    return new Detectors(
        ValueOutlierDetector.fromThreshold(thresholds.apply(ValueOutlierDetector.NAME)),
        AmendmentOverLimitDetector.fromThreshold(
            thresholds.apply(AmendmentOverLimitDetector.NAME), limits),
        ImplausibleValueDetector.fromThreshold(thresholds.apply(ImplausibleValueDetector.NAME)),
        ContractSplittingDetector.fromThreshold(
            thresholds.apply(ContractSplittingDetector.NAME), limits),
        DuplicateRegistrationDetector.fromThreshold(
            thresholds.apply(DuplicateRegistrationDetector.NAME)),
        TemporalSpikeDetector.fromThreshold(thresholds.apply(TemporalSpikeDetector.NAME)));
  }

  /**
   * Whether each detector of {@link #CONTRACT_HYPOTHESES}, in that order, tests {@code contract} (a
   * scored contract). TEMPORAL_SPIKE's hypotheses are unit-months, counted by its own stage.
   */
  public boolean[] tests(ContractFacts contract) {
    return new boolean[] {
      valueOutlier.tests(contract),
      amendmentOverLimit.tests(contract),
      implausibleValue.tests(contract),
      contractSplitting.tests(contract),
      duplicateRegistration.tests(contract)
    };
  }

  /**
   * These detectors as tonight's data calibrates them: VALUE_OUTLIER with the seasonal factors,
   * AMENDMENT_OVER_LIMIT with its reference.
   */
  public Detectors forTonight(SeasonalFactors seasonalFactors, EmpiricalTail amendmentReference) {
    return new Detectors(
        valueOutlier.withSeasonalFactors(seasonalFactors),
        amendmentOverLimit.withReference(amendmentReference),
        implausibleValue,
        contractSplitting,
        duplicateRegistration,
        temporalSpike);
  }

  /** The detectors that look at one scored contract at a time. */
  public List<Detector> perContract() {
    return List.of(valueOutlier, amendmentOverLimit, implausibleValue);
  }

  /** The detectors that look at the contracts of one buyer unit and supplier together. */
  public List<GroupDetector> perGroup() {
    return List.of(contractSplitting, duplicateRegistration);
  }
}
