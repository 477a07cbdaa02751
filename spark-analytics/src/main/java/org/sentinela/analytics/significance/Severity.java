package org.sentinela.analytics.significance;

/**
 * How much a finding matters, on one scale for every detector: bands of its Benjamini–Hochberg
 * q-value (the false-discovery rate of publishing every flag at least as strong), raised for the
 * legal-rule detectors by how far past the legal limit the finding is ({@link
 * LegalExcessSeverity}). Declared from least to most severe.
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

  /**
   * The higher of the q-value band and the band {@code detector}'s legal excess earns for {@code
   * score} ({@link LegalExcessSeverity}; none for statistical detectors).
   */
  public static Severity of(double qValue, String detector, double score) {
    Severity byQ = of(qValue);
    return LegalExcessSeverity.of(detector, score)
        .filter(byExcess -> byExcess.compareTo(byQ) > 0)
        .orElse(byQ);
  }
}
