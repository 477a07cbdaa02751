package org.sentinela.analytics.significance;

import org.apache.commons.math3.special.Erf;

/**
 * Tail probabilities of the standard normal distribution, from the complementary error function, so
 * they keep their relative accuracy far into the tail (Φ̄(10) ≈ 7.6 × 10⁻²⁴, not 0).
 */
public final class NormalTail {

  private static final double SQRT2 = Math.sqrt(2);

  private NormalTail() {}

  /** P(|Z| ≥ |z|) = erfc(|z| / √2), clamped to (0, 1] (see {@link PValues#FLOOR}). */
  public static double twoSided(double z) {
    requireNumber(z);
    return PValues.clamped(Erf.erfc(Math.abs(z) / SQRT2));
  }

  /** P(Z ≥ z) = erfc(z / √2) / 2, clamped to (0, 1]. */
  public static double upper(double z) {
    requireNumber(z);
    return PValues.clamped(0.5 * Erf.erfc(z / SQRT2));
  }

  private static void requireNumber(double z) {
    if (Double.isNaN(z)) {
      throw new IllegalArgumentException("z must be a number, got NaN");
    }
  }
}
