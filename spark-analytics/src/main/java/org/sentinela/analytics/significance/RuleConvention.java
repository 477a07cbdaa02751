package org.sentinela.analytics.significance;

/**
 * The p-value of a rule detector's finding (IMPLAUSIBLE_VALUE, DUPLICATE_REGISTRATION): a
 * calibrated convention, not a test. These rules fire on records a correct register cannot hold (a
 * ×100 slip, a value above R$ 1 billion, one contract registered twice), so there is no sampling
 * distribution to take a tail of. A finding at its threshold counts as p = {@value #P_AT_THRESHOLD}
 * (about a two-sided robust z of 4.9), and the evidence compounds with the score: {@code p =
 * P_AT_THRESHOLD ^ (score / threshold)}, so twice the threshold is 10⁻¹².
 *
 * <p>Why 10⁻⁶: on the scale of a night (10⁵–10⁶ hypotheses) a finding just at its threshold is weak
 * evidence on its own (its q-value is about 10⁻⁶·m / rank), while one at twice its threshold
 * (10⁻¹²) stays significant at any rank. Which findings a reader should see first is then decided
 * by how far past its rule each one is, on the same scale as the statistical detectors.
 */
public final class RuleConvention {

  /** The p-value of a finding whose score equals its threshold. */
  public static final double P_AT_THRESHOLD = 1e-6;

  private RuleConvention() {}

  /** {@code P_AT_THRESHOLD ^ (score / threshold)}, clamped to (0, 1]. */
  public static double pValue(double score, double threshold) {
    if (!(threshold > 0) || !(score >= 0)) {
      throw new IllegalArgumentException(
          "need score >= 0 and threshold > 0, got " + score + " and " + threshold);
    }
    return PValues.clamped(Math.pow(P_AT_THRESHOLD, score / threshold));
  }
}
