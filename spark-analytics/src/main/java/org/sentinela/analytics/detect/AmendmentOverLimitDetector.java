package org.sentinela.analytics.detect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.legal.LegalLimit;
import org.sentinela.analytics.legal.LegalLimits;
import org.sentinela.analytics.significance.EmpiricalTail;

/**
 * AMENDMENT_OVER_LIMIT: a contract whose final value exceeds its initial value by more than the
 * legal amendment ceiling (Lei 14.133 art. 125, Lei 8.666 art. 65 §1º: 25%, 50% for renovations) in
 * force at signature. A renovation is an object text holding one of {@code renovationTerms}.
 *
 * <p>Score = growth / ceiling, where growth = (final − initial) / initial, capped at {@value
 * #MAX_SCORE} (the evidence keeps the growth itself); flagged when the score is above {@code
 * threshold} (1.0 = the ceiling itself).
 *
 * <p>p-value: empirical (conformal). The reference is every contract the detector tested tonight
 * ({@link #tests}), each with its growth / ceiling (0 when it did not grow); p = the share of them
 * that grew at least as much, relative to their ceilings, as this one (the contract itself
 * included, so p ≥ 1 / n). The null model is "this contract's amendments are drawn like everyone
 * else's"; no distribution is assumed. {@code reference} keeps the shares from {@code threshold}
 * up, where findings are; an empty reference gives p = 1.
 *
 * <p>Not examined: initial values below {@code minInitialValue} (placeholders such as R$ 0,01,
 * which IMPLAUSIBLE_VALUE reports) and continuing services ({@code continuingServiceTerms} in the
 * object), whose final value in the Portal includes yearly renewals, which the ceiling does not
 * cover.
 *
 * @param threshold score above which a contract is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param renovationTerms folded words marking a renovation, e.g. {@code REFORMA}
 * @param continuingServiceTerms folded words marking continuing services, e.g. {@code CONTINUADOS}
 * @param minInitialValue smallest initial value examined, in R$
 * @param limits the legal limits table
 * @param reference tonight's tested contracts' growth / ceiling, kept from {@code threshold} up
 */
public record AmendmentOverLimitDetector(
    BigDecimal threshold,
    int thresholdVersion,
    List<String> renovationTerms,
    List<String> continuingServiceTerms,
    BigDecimal minInitialValue,
    LegalLimits limits,
    EmpiricalTail reference)
    implements Detector {

  /** Scores are capped here so one absurd ratio does not dwarf every other flag. */
  public static final double MAX_SCORE = 10.0;

  public static final String CONTINUING_SERVICE_TERMS = "continuing_service_terms";
  public static final String MIN_INITIAL_VALUE = "min_initial_value";

  /** The detector's name in {@code detector_thresholds} and {@code anomalies}. */
  public static final String NAME = "AMENDMENT_OVER_LIMIT";

  public static final String RENOVATION_TERMS = "renovation_terms";

  public AmendmentOverLimitDetector {
    EvidenceJson.requireValid(NAME, threshold, thresholdVersion);
    renovationTerms = List.copyOf(renovationTerms);
    continuingServiceTerms = List.copyOf(continuingServiceTerms);
    Objects.requireNonNull(minInitialValue, "minInitialValue");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(reference, "reference");
    if (Double.compare(reference.from(), threshold.doubleValue()) != 0) {
      throw new IllegalArgumentException(
          NAME
              + " reference must be kept from the threshold "
              + threshold
              + ", not "
              + reference.from());
    }
  }

  /** The detector with an empty reference (p = 1 until {@link #withReference}). */
  public AmendmentOverLimitDetector(
      BigDecimal threshold,
      int thresholdVersion,
      List<String> renovationTerms,
      List<String> continuingServiceTerms,
      BigDecimal minInitialValue,
      LegalLimits limits) {
    this(
        threshold,
        thresholdVersion,
        renovationTerms,
        continuingServiceTerms,
        minInitialValue,
        limits,
        EmpiricalTail.startingAt(threshold.doubleValue()));
  }

  /**
   * This detector with tonight's reference, built from {@link #referenceShare} of each tested
   * contract.
   */
  public AmendmentOverLimitDetector withReference(EmpiricalTail tonight) {
    return new AmendmentOverLimitDetector(
        threshold,
        thresholdVersion,
        renovationTerms,
        continuingServiceTerms,
        minInitialValue,
        limits,
        tonight);
  }

  /** The detector configured by its current threshold row. */
  public static AmendmentOverLimitDetector fromThreshold(
      DetectorThreshold row, LegalLimits limits) {
    row.requireDetector(NAME);
    return new AmendmentOverLimitDetector(
        row.threshold(),
        row.version(),
        ObjectText.terms(row.textParameter(RENOVATION_TERMS)),
        ObjectText.terms(row.textParameter(CONTINUING_SERVICE_TERMS)),
        row.decimalParameter(MIN_INITIAL_VALUE),
        limits);
  }

  /**
   * Contracts with an initial value of at least {@code minInitialValue}, a final value and an
   * amendment ceiling in force at signature, continuing services excepted.
   */
  @Override
  public boolean tests(ContractFacts contract) {
    BigDecimal initial = contract.initialValue();
    if (initial == null
        || initial.compareTo(minInitialValue) < 0
        || contract.finalValue() == null
        || limits.amendment(contract.signatureDate(), false).isEmpty()) {
      return false;
    }
    return contract.finalValue().compareTo(initial) <= 0
        || ObjectText.firstTerm(ObjectText.fold(contract.objectText()), continuingServiceTerms)
            .isEmpty();
  }

  /** A tested contract's value in the reference: its growth / ceiling, 0 when it did not grow. */
  public double referenceShare(ContractFacts contract) {
    return growth(contract).map(Growth::share).orElse(0.0);
  }

  @Override
  public Optional<Finding> evaluate(ContractProfile profile) {
    return growth(profile.contract())
        .filter(g -> g.score() > threshold.doubleValue())
        .map(
            g -> {
              AmendmentOverLimitReport report =
                  new AmendmentOverLimitReport(this, profile.contract(), g);
              return new Finding(
                  AnomalyIds.of(NAME, profile.naturalKey()),
                  NAME,
                  g.score(),
                  reference.pValue(g.share()),
                  threshold,
                  thresholdVersion,
                  report.evidenceJson(),
                  report.explanation());
            });
  }

  /**
   * The contract's growth and the ceiling that applies to it; empty when the initial value is not
   * positive, the final value is missing or not above it, or no ceiling was in force at signature.
   */
  public Optional<Growth> growth(ContractFacts contract) {
    BigDecimal initial = contract.initialValue();
    BigDecimal last = contract.finalValue();
    if (initial == null || initial.compareTo(minInitialValue) < 0 || last == null) {
      return Optional.empty();
    }
    BigDecimal ratio = last.subtract(initial).divide(initial, MathContext.DECIMAL64);
    if (ratio.signum() <= 0) {
      return Optional.empty(); // no growth: most contracts, and no object text to read
    }
    String object = ObjectText.fold(contract.objectText());
    if (ObjectText.firstTerm(object, continuingServiceTerms).isPresent()) {
      return Optional.empty();
    }
    Optional<String> renovation = ObjectText.firstTerm(object, renovationTerms);
    return limits
        .amendment(contract.signatureDate(), renovation.isPresent())
        .map(ceiling -> new Growth(ratio, ceiling, renovation.orElse(null)));
  }

  /**
   * How much a contract grew, against which ceiling.
   *
   * @param ratio (final − initial) / initial
   * @param ceiling the amendment ceiling applied
   * @param renovationTerm the term that made it a renovation, or null
   */
  public record Growth(BigDecimal ratio, LegalLimit ceiling, String renovationTerm) {

    /** ratio / ceiling: 1.0 at the ceiling, capped at {@link #MAX_SCORE}. */
    public double score() {
      return Math.min(MAX_SCORE, share());
    }

    /** ratio / ceiling, uncapped: how the contract ranks in the p-value's reference. */
    public double share() {
      return Math.max(0, ratio.divide(ceiling.amount(), MathContext.DECIMAL64).doubleValue());
    }
  }
}
