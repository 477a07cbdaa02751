package org.sentinela.analytics.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one IMPLAUSIBLE_VALUE rule says about a contract: how strongly it applies (1.0 = at its
 * trigger), the numbers it looked at, and a sentence.
 *
 * @param rule the rule
 * @param strength 1.0 at the rule's trigger, more the further past it (at most 10 for the bounded
 *     rules)
 * @param numbers the rule's numbers for the evidence, in order
 * @param sentence one readable sentence
 */
public record ImplausibleSignal(
    Rule rule, double strength, Map<String, Object> numbers, String sentence) {

  /** The rules. */
  public enum Rule {
    /** Initial and final value differ by a factor close to a power of ten (100, 1,000). */
    SCALE_SLIP,
    /** A value above the plausible maximum. */
    ABOVE_MAXIMUM,
    /** A non-zero value at or below the plausible minimum (R$ 1). */
    AT_OR_BELOW_MINIMUM
  }

  public ImplausibleSignal {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(sentence, "sentence");
    if (!(strength >= 0 && Double.isFinite(strength))) {
      throw new IllegalArgumentException(
          rule + " strength must be finite and >= 0, got " + strength);
    }
    numbers = new LinkedHashMap<>(numbers);
  }
}
