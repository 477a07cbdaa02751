package org.sentinela.analytics.significance;

import java.util.Map;
import java.util.Optional;

/**
 * The severity a legal-rule finding earns by how far past its legal limit it is, whatever its
 * q-value. A finding's severity is the higher of this and its q-value band ({@link
 * Severity#of(double, String, double)}).
 *
 * <p>Why: a rule detector's p-value says how rare the finding is among tonight's contracts (an
 * empirical tail for AMENDMENT_OVER_LIMIT, a scan statistic for CONTRACT_SPLITTING), not how
 * serious the breach is. A contract amended by +9,747% against a 25% ceiling is a clear breach
 * however many others were amended too. Both detectors' scores are multiples of the limit (growth /
 * ceiling; window sum / dispensa limit), so the bands read in the law's own terms:
 *
 * <ul>
 *   <li><b>AMENDMENT_OVER_LIMIT</b>: HIGH from twice the ceiling (+50% on a 25% ceiling, +100% on a
 *       renovation's 50%): neither a price readjustment (reajuste, which the Portal's final value
 *       includes but the ceiling does not count) nor the exceptional qualitative changes the TCU
 *       tolerates explain that. MEDIUM from 1.2 × the ceiling (+30% on 25%): past what a few points
 *       of readjustment explain. Below that, the q-value band alone.
 *   <li><b>CONTRACT_SPLITTING</b>: HIGH when the window's pieces add up to twice the dispensa limit
 *       or more (the purchase needed a bidding twice over), MEDIUM from 1.2 × the limit.
 * </ul>
 *
 * <p>The statistical detectors (VALUE_OUTLIER, BUNCHING, …) have no legal limit: their severity is
 * their q-value band only.
 *
 * @param mediumFrom score (multiple of the limit) from which a finding is at least MEDIUM
 * @param highFrom score from which it is HIGH
 */
public record LegalExcessSeverity(double mediumFrom, double highFrom) {

  /** Bands of the rule detectors, by detector name. */
  public static final Map<String, LegalExcessSeverity> BANDS =
      Map.of(
          "AMENDMENT_OVER_LIMIT", new LegalExcessSeverity(1.2, 2.0),
          "CONTRACT_SPLITTING", new LegalExcessSeverity(1.2, 2.0));

  public LegalExcessSeverity {
    if (!(mediumFrom >= 1.0 && highFrom > mediumFrom && Double.isFinite(highFrom))) {
      throw new IllegalArgumentException(
          "need 1 <= mediumFrom < highFrom, got " + mediumFrom + " and " + highFrom);
    }
  }

  /** The band a {@code detector}'s finding of {@code score} earns; empty below MEDIUM's band. */
  public static Optional<Severity> of(String detector, double score) {
    return Optional.ofNullable(BANDS.get(detector)).flatMap(bands -> bands.band(score));
  }

  /** HIGH from {@code highFrom}, MEDIUM from {@code mediumFrom}, else empty. */
  public Optional<Severity> band(double score) {
    if (score >= highFrom) {
      return Optional.of(Severity.HIGH);
    }
    return score >= mediumFrom ? Optional.of(Severity.MEDIUM) : Optional.empty();
  }
}
