package org.sentinela.analytics.significance;

import org.apache.commons.math3.special.Beta;

/**
 * Upper tail of Student's t distribution, from the regularized incomplete beta function, so it
 * keeps its relative accuracy far into the tail (no 1 − CDF cancellation).
 */
public final class StudentTail {

  private StudentTail() {}

  /**
   * P(T ≥ t) for T ~ t(degreesOfFreedom), clamped to (0, 1] (see {@link PValues#FLOOR}).
   *
   * @param t the statistic; NaN is refused
   * @param degreesOfFreedom ν &gt; 0, need not be whole
   */
  public static double upper(double t, double degreesOfFreedom) {
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("t must be a number, got NaN");
    }
    if (!(degreesOfFreedom > 0 && Double.isFinite(degreesOfFreedom))) {
      throw new IllegalArgumentException(
          "degrees of freedom must be finite and > 0, got " + degreesOfFreedom);
    }
    if (Double.isInfinite(t)) {
      return t > 0 ? PValues.FLOOR : 1.0;
    }
    double halfTail =
        0.5
            * Beta.regularizedBeta(
                degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
    return PValues.clamped(t >= 0 ? halfTail : 1.0 - halfTail);
  }
}
