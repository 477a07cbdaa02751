package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.baseline.SegmentBaseline;
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
 * @param bunching BUNCHING, about a buyer unit's year
 * @param supplierConcentration SUPPLIER_CONCENTRATION, about a buyer unit's year
 * @param temporalSpike TEMPORAL_SPIKE, about a buyer unit's month
 */
public record Detectors(
    ValueOutlierDetector valueOutlier,
    AmendmentOverLimitDetector amendmentOverLimit,
    ImplausibleValueDetector implausibleValue,
    ContractSplittingDetector contractSplitting,
    DuplicateRegistrationDetector duplicateRegistration,
    BunchingDetector bunching,
    SupplierConcentrationDetector supplierConcentration,
    TemporalSpikeDetector temporalSpike)
    implements Serializable {

  /** The detectors whose hypotheses are contracts, in {@link #tests} order. */
  public static final List<String> CONTRACT_LEVEL =
      List.of(
          ValueOutlierDetector.NAME,
          AmendmentOverLimitDetector.NAME,
          ImplausibleValueDetector.NAME,
          ContractSplittingDetector.NAME,
          DuplicateRegistrationDetector.NAME);

  /**
   * The detectors whose hypotheses are buyer units' years (BUNCHING, SUPPLIER_CONCENTRATION) or
   * months (TEMPORAL_SPIKE); their stages count them.
   */
  public static final List<String> UNIT_LEVEL =
      List.of(
          BunchingDetector.NAME, SupplierConcentrationDetector.NAME, TemporalSpikeDetector.NAME);

  /** Every detector's name, as in {@code detector_thresholds}. */
  public static final List<String> NAMES =
      Stream.concat(CONTRACT_LEVEL.stream(), UNIT_LEVEL.stream()).toList();

  public Detectors {
    Objects.requireNonNull(valueOutlier, "valueOutlier");
    Objects.requireNonNull(amendmentOverLimit, "amendmentOverLimit");
    Objects.requireNonNull(implausibleValue, "implausibleValue");
    Objects.requireNonNull(contractSplitting, "contractSplitting");
    Objects.requireNonNull(duplicateRegistration, "duplicateRegistration");
    Objects.requireNonNull(bunching, "bunching");
    Objects.requireNonNull(supplierConcentration, "supplierConcentration");
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
        BunchingDetector.fromThreshold(thresholds.apply(BunchingDetector.NAME), limits),
        SupplierConcentrationDetector.fromThreshold(
            thresholds.apply(SupplierConcentrationDetector.NAME)),
        TemporalSpikeDetector.fromThreshold(thresholds.apply(TemporalSpikeDetector.NAME)));
  }

  /**
   * Whether each contract-level detector, in {@link #CONTRACT_LEVEL} order, tests {@code contract}
   * (a scored contract).
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
   * These detectors as tonight's data calibrates them: VALUE_OUTLIER with the seasonal factors and
   * the parents' weights from the baselines, AMENDMENT_OVER_LIMIT with its reference.
   */
  public Detectors forTonight(
      SeasonalFactors seasonalFactors,
      List<SegmentBaseline> baselines,
      EmpiricalTail amendmentReference) {
    return new Detectors(
        valueOutlier.forTonight(seasonalFactors, baselines),
        amendmentOverLimit.withReference(amendmentReference),
        implausibleValue,
        contractSplitting,
        duplicateRegistration,
        bunching,
        supplierConcentration,
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
