package org.sentinela.analytics.detect;

/**
 * The robust z-score (Iglewicz and Hoaglin's modified z): distance from the median in units of the
 * median absolute deviation, scaled to match a standard deviation under normality.
 */
public final class RobustZ {

  /** MAD × 1.4826 estimates the standard deviation of a normal distribution. */
  public static final double MAD_TO_SIGMA = 1.4826;

  private RobustZ() {}

  /**
   * The scale z is measured in: {@code 1.4826 × max(mad, minMad)}. The floor keeps segments of
   * (nearly) identical values from turning tiny differences into huge scores.
   */
  public static double scale(double mad, double minMad) {
    if (!(minMad > 0)) {
      throw new IllegalArgumentException("min_mad must be > 0, got " + minMad);
    }
    return MAD_TO_SIGMA * Math.max(mad, minMad);
  }

  /** {@code (x − median) / (1.4826 × max(mad, minMad))}. */
  public static double of(double x, double median, double mad, double minMad) {
    return (x - median) / scale(mad, minMad);
  }
}
