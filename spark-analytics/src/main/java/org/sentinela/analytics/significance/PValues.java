package org.sentinela.analytics.significance;

/**
 * What every p-value of a finding satisfies: a number in (0, 1]. Tails too small for a double are
 * reported as {@link #FLOOR}, so a p-value is never 0 and PostgreSQL stores every one of them.
 */
public final class PValues {

  /** The smallest p-value reported: the smallest normal double, about 2.2 × 10⁻³⁰⁸. */
  public static final double FLOOR = Double.MIN_NORMAL;

  private PValues() {}

  /** {@code p} clamped to [{@link #FLOOR}, 1]; NaN is refused. */
  public static double clamped(double p) {
    if (Double.isNaN(p)) {
      throw new IllegalArgumentException("a p-value cannot be NaN");
    }
    return Math.max(FLOOR, Math.min(1.0, p));
  }

  /** Checks that {@code p} lies in (0, 1], naming {@code what} in the error. */
  public static double requireValid(String what, double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be in (0, 1], got " + p);
    }
    return p;
  }
}
