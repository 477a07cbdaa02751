package org.sentinela.analytics.significance;

/**
 * How much a finding stands out in its night, on one scale for every detector: bands of its
 * Benjamini–Hochberg q-value (the false-discovery rate of publishing every flag at least as
 * strong).
 */
public enum Severity {
  /** q above 5%: past its detector's threshold, but plausibly one of the night's false leads. */
  LOW,
  /** q at most 5%. */
  MEDIUM,
  /** q at most 1%. */
  HIGH;

  /** Largest q-value of a HIGH finding. */
  public static final double HIGH_MAX_Q = 0.01;

  /** Largest q-value of a MEDIUM finding. */
  public static final double MEDIUM_MAX_Q = 0.05;

  /** The band of {@code qValue}, which must lie in (0, 1]. */
  public static Severity of(double qValue) {
    PValues.requireValid("q-value", qValue);
    if (qValue <= HIGH_MAX_Q) {
      return HIGH;
    }
    return qValue <= MEDIUM_MAX_Q ? MEDIUM : LOW;
  }
}
