package org.sentinela.analytics.detect;

/** How far past its threshold a finding is. */
public enum Severity {
  /** Past the threshold, below 1.5 × threshold. */
  LOW,
  /** At least 1.5 × threshold. */
  MEDIUM,
  /** At least 2 × threshold. */
  HIGH;

  /** The band of a score already at or past {@code threshold}. */
  public static Severity of(double score, double threshold) {
    if (score >= 2 * threshold) {
      return HIGH;
    }
    if (score >= 1.5 * threshold) {
      return MEDIUM;
    }
    return LOW;
  }
}
