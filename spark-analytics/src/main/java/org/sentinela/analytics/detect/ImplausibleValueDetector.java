package org.sentinela.analytics.detect;

import static org.sentinela.model.ContractSchema.FINAL_VALUE;
import static org.sentinela.model.ContractSchema.INITIAL_VALUE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.baseline.SegmentStats;
import org.sentinela.analytics.detect.ImplausibleSignal.Rule;
import org.sentinela.analytics.significance.RuleConvention;

/**
 * IMPLAUSIBLE_VALUE: scale slips and magnitudes no contract has. Three rules, each scored so that
 * 1.0 is its trigger; the contract is flagged when a rule reaches {@code threshold}, with the
 * strongest rule's strength as score:
 *
 * <ul>
 *   <li>SCALE_SLIP: d = min over k in {@code slipPowersOfTen} of |log10(final / initial) ∓ k|;
 *       strength = min(10, tolerance / d).
 *   <li>ABOVE_MAXIMUM: strength = value / bound, bound = {@code maxPlausibleValue}, or the p99 of
 *       the contract's finest segment with at least {@code p99MinSegmentSize} contracts when that
 *       is higher.
 *   <li>AT_OR_BELOW_MINIMUM: a non-zero value; strength = min(10, minimum / value), 10 for a
 *       negative value. Zero means "not informed" and is left to the data-quality flags.
 * </ul>
 *
 * <p>Every scored contract is tested. The p-value is {@link RuleConvention}'s: a convention, not a
 * test.
 *
 * @param threshold rule strength at or above which a contract is flagged
 * @param thresholdVersion version of the threshold row it came from
 * @param slipPowersOfTen the slips looked for, e.g. 2 and 3 for ×100 and ×1,000
 * @param slipToleranceLog10 how close (in log10) the ratio must be to a power of ten
 * @param maxPlausibleValue the plausible maximum, e.g. R$ 1 billion
 * @param p99MinSegmentSize smallest segment whose p99 may raise the maximum
 * @param minPlausibleValue the plausible minimum, e.g. R$ 1
 */
public record ImplausibleValueDetector(
    BigDecimal threshold,
    int thresholdVersion,
    List<Integer> slipPowersOfTen,
    double slipToleranceLog10,
    BigDecimal maxPlausibleValue,
    int p99MinSegmentSize,
    BigDecimal minPlausibleValue)
    implements Detector {

  /** The detector's name in {@code detector_thresholds} and {@code anomalies}. */
  public static final String NAME = "IMPLAUSIBLE_VALUE";

  public static final String SLIP_POWERS_OF_TEN = "slip_powers_of_ten";
  public static final String SLIP_TOLERANCE_LOG10 = "slip_tolerance_log10";
  public static final String MAX_PLAUSIBLE_VALUE = "max_plausible_value";
  public static final String P99_MIN_SEGMENT_SIZE = "p99_min_segment_size";
  public static final String MIN_PLAUSIBLE_VALUE = "min_plausible_value";

  /**
   * Strength of a bounded rule at its extreme (an exact slip, a value of a tenth of the minimum).
   */
  public static final double MAX_STRENGTH = 10;

  public ImplausibleValueDetector {
    EvidenceJson.requireValid(NAME, threshold, thresholdVersion);
    slipPowersOfTen = List.copyOf(slipPowersOfTen);
    if (slipPowersOfTen.isEmpty() || slipPowersOfTen.stream().anyMatch(k -> k < 1)) {
      throw new IllegalArgumentException(
          NAME + " " + SLIP_POWERS_OF_TEN + " must be positive integers, got " + slipPowersOfTen);
    }
    if (!(slipToleranceLog10 > 0 && slipToleranceLog10 < 0.5)) {
      throw new IllegalArgumentException(
          NAME + " " + SLIP_TOLERANCE_LOG10 + " must be in (0, 0.5), got " + slipToleranceLog10);
    }
    Objects.requireNonNull(maxPlausibleValue, MAX_PLAUSIBLE_VALUE);
    Objects.requireNonNull(minPlausibleValue, MIN_PLAUSIBLE_VALUE);
    if (minPlausibleValue.signum() <= 0 || maxPlausibleValue.compareTo(minPlausibleValue) <= 0) {
      throw new IllegalArgumentException(
          NAME
              + " needs 0 < "
              + MIN_PLAUSIBLE_VALUE
              + " < "
              + MAX_PLAUSIBLE_VALUE
              + ", got "
              + minPlausibleValue
              + " and "
              + maxPlausibleValue);
    }
    if (p99MinSegmentSize < 100) {
      throw new IllegalArgumentException(
          NAME + " " + P99_MIN_SEGMENT_SIZE + " must be >= 100, got " + p99MinSegmentSize);
    }
  }

  /** The detector configured by its current threshold row. */
  public static ImplausibleValueDetector fromThreshold(DetectorThreshold row) {
    row.requireDetector(NAME);
    return new ImplausibleValueDetector(
        row.threshold(),
        row.version(),
        row.intListParameter(SLIP_POWERS_OF_TEN),
        row.doubleParameter(SLIP_TOLERANCE_LOG10),
        row.decimalParameter(MAX_PLAUSIBLE_VALUE),
        row.intParameter(P99_MIN_SEGMENT_SIZE),
        row.decimalParameter(MIN_PLAUSIBLE_VALUE));
  }

  @Override
  public Optional<Finding> evaluate(ContractProfile profile) {
    List<ImplausibleSignal> fired =
        signals(profile.contract(), profile.segments(), threshold.doubleValue()).stream()
            .sorted(Comparator.comparingDouble(ImplausibleSignal::strength).reversed())
            .toList();
    if (fired.isEmpty()) {
      return Optional.empty();
    }
    double score = fired.get(0).strength();
    double pValue = RuleConvention.pValue(score, threshold.doubleValue());
    ContractFacts contract = profile.contract();
    var evidence = EvidenceJson.start(NAME, threshold, thresholdVersion);
    evidence.put("rule", fired.get(0).rule().name());
    evidence.put("initial_value", contract.initialValue());
    evidence.put("final_value", contract.finalValue());
    evidence.put("score", score);
    EvidenceJson.putConventionalPValue(evidence, pValue);
    var rules = evidence.putArray("rules");
    for (ImplausibleSignal signal : fired) {
      var rule = rules.addObject().put("rule", signal.rule().name());
      signal.numbers().forEach((name, value) -> rule.putPOJO(name, value));
      rule.put("strength", signal.strength());
    }
    List<String> sentences = fired.stream().map(ImplausibleSignal::sentence).toList();
    return Optional.of(
        new Finding(
            AnomalyIds.of(NAME, contract.naturalKey()),
            NAME,
            score,
            pValue,
            threshold,
            thresholdVersion,
            EvidenceJson.write(evidence, contract.naturalKey()),
            String.join(" ", sentences)));
  }

  /**
   * What the rules say about the contract, those with a strength of at least {@code atLeast} (0 for
   * all). Sentences and numbers are only built for those.
   */
  public List<ImplausibleSignal> signals(
      ContractFacts contract, List<SegmentStats> segments, double atLeast) {
    List<ImplausibleSignal> signals = new ArrayList<>();
    scaleSlip(contract.initialValue(), contract.finalValue(), atLeast).ifPresent(signals::add);
    PlausibleBound bound = null;
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put(INITIAL_VALUE, contract.initialValue());
    values.put(FINAL_VALUE, contract.finalValue());
    for (Map.Entry<String, BigDecimal> entry : values.entrySet()) {
      BigDecimal value = entry.getValue();
      if (value != null && value.signum() > 0) {
        bound = bound == null ? bound(segments) : bound;
        aboveMaximum(entry.getKey(), value, bound, atLeast).ifPresent(signals::add);
      }
      if (value != null && value.signum() != 0) {
        atOrBelowMinimum(entry.getKey(), value, atLeast).ifPresent(signals::add);
      }
    }
    return signals;
  }

  /**
   * The slip closest to the ratio of the two values, when both are positive and its strength is at
   * least {@code atLeast}.
   */
  public Optional<ImplausibleSignal> scaleSlip(
      BigDecimal initial, BigDecimal last, double atLeast) {
    if (initial == null || last == null || initial.signum() <= 0 || last.signum() <= 0) {
      return Optional.empty();
    }
    double log10Ratio = Math.log10(last.doubleValue()) - Math.log10(initial.doubleValue());
    int closest = 0;
    double deviation = Double.POSITIVE_INFINITY;
    for (int k : slipPowersOfTen) {
      for (int signed : new int[] {k, -k}) {
        double d = Math.abs(log10Ratio - signed);
        if (d < deviation) {
          deviation = d;
          closest = signed;
        }
      }
    }
    double strength = Math.min(MAX_STRENGTH, slipToleranceLog10 / deviation);
    if (strength < atLeast) {
      return Optional.empty();
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("log10_ratio", log10Ratio);
    numbers.put("power_of_ten", closest);
    numbers.put("deviation", deviation);
    numbers.put("tolerance", slipToleranceLog10);
    boolean finalLarger = closest > 0;
    String sentence =
        (finalLarger ? "Final value " : "Initial value ")
            + MoneyText.reais(finalLarger ? last : initial)
            + " is "
            + MoneyText.oneDecimalWithSeparators(Math.pow(10, Math.abs(log10Ratio)))
            + " times the "
            + (finalLarger ? "initial value " : "final value ")
            + MoneyText.reais(finalLarger ? initial : last)
            + ": a likely ×"
            + MoneyText.count((long) Math.pow(10, Math.abs(closest)))
            + " scale slip.";
    return Optional.of(new ImplausibleSignal(Rule.SCALE_SLIP, strength, numbers, sentence));
  }

  /**
   * The plausible maximum for a contract of these segments: {@code maxPlausibleValue}, unless the
   * p99 of its finest segment with at least {@code p99MinSegmentSize} contracts is higher.
   */
  public PlausibleBound bound(List<SegmentStats> finestFirst) {
    for (SegmentStats segment : finestFirst) {
      if (segment.contracts() >= p99MinSegmentSize) {
        BigDecimal p99 = MoneyText.expReais(segment.p99LogValue());
        return p99.compareTo(maxPlausibleValue) > 0
            ? new PlausibleBound(p99, segment)
            : new PlausibleBound(maxPlausibleValue, null);
      }
    }
    return new PlausibleBound(maxPlausibleValue, null);
  }

  private Optional<ImplausibleSignal> aboveMaximum(
      String column, BigDecimal value, PlausibleBound bound, double atLeast) {
    double strength = value.doubleValue() / bound.amount().doubleValue();
    if (strength < atLeast) {
      return Optional.empty();
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("column", column);
    numbers.put("value", value);
    numbers.put("bound", bound.amount());
    numbers.put("bound_source", bound.segment() == null ? MAX_PLAUSIBLE_VALUE : "segment_p99");
    if (bound.segment() != null) {
      numbers.put("segment_level", bound.segment().level().name());
      numbers.put("segment_key", bound.segment().segmentKey());
      numbers.put("segment_n", bound.segment().contracts());
    }
    String sentence =
        valueName(column)
            + " "
            + MoneyText.reais(value)
            + " is "
            + MoneyText.oneDecimalWithSeparators(strength)
            + " times the plausible maximum "
            + MoneyText.reais(bound.amount())
            + (bound.segment() == null
                ? ""
                : " (the 99th percentile of segment " + bound.segment().segmentKey() + ")")
            + ".";
    return Optional.of(new ImplausibleSignal(Rule.ABOVE_MAXIMUM, strength, numbers, sentence));
  }

  private Optional<ImplausibleSignal> atOrBelowMinimum(
      String column, BigDecimal value, double atLeast) {
    double strength =
        value.signum() < 0
            ? MAX_STRENGTH
            : Math.min(MAX_STRENGTH, minPlausibleValue.doubleValue() / value.doubleValue());
    if (strength < atLeast) {
      return Optional.empty();
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("column", column);
    numbers.put("value", value);
    numbers.put("minimum", minPlausibleValue);
    String sentence =
        valueName(column)
            + " "
            + MoneyText.reais(value)
            + (value.signum() < 0
                ? " is negative."
                : " is at or below the plausible minimum "
                    + MoneyText.reais(minPlausibleValue)
                    + ".");
    return Optional.of(
        new ImplausibleSignal(Rule.AT_OR_BELOW_MINIMUM, strength, numbers, sentence));
  }

  private static String valueName(String column) {
    return INITIAL_VALUE.equals(column) ? "Initial value" : "Final value";
  }

  /**
   * The plausible maximum a contract's values are compared with.
   *
   * @param amount the bound in reais
   * @param segment the segment whose p99 set it, or null when it is the parameter
   */
  public record PlausibleBound(BigDecimal amount, SegmentStats segment) {}
}
