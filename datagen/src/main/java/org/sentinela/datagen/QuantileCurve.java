package org.sentinela.datagen;

import java.util.Arrays;

/**
 * A distribution given by points of its quantile function, sampled by linear interpolation between
 * them (inverse-transform sampling).
 *
 * @param probabilities increasing, from 0 to 1
 * @param values non-decreasing quantiles at those probabilities
 */
public record QuantileCurve(double[] probabilities, double[] values) {

  public QuantileCurve {
    if (probabilities.length != values.length || probabilities.length < 2) {
      throw new IllegalArgumentException(
          "need as many values as probabilities (at least 2), got "
              + probabilities.length
              + " and "
              + values.length);
    }
    if (probabilities[0] != 0.0 || probabilities[probabilities.length - 1] != 1.0) {
      throw new IllegalArgumentException(
          "probabilities must run from 0 to 1, got " + Arrays.toString(probabilities));
    }
    for (int i = 1; i < values.length; i++) {
      if (probabilities[i] <= probabilities[i - 1] || values[i] < values[i - 1]) {
        throw new IllegalArgumentException(
            "quantiles must increase: " + Arrays.toString(values) + " at " + i);
      }
    }
    probabilities = probabilities.clone();
    values = values.clone();
  }

  /** The quantile at probability {@code u} in [0, 1]. */
  public double quantile(double u) {
    int i = 1;
    while (i < probabilities.length - 1 && probabilities[i] < u) {
      i++;
    }
    double p0 = probabilities[i - 1];
    double t = (u - p0) / (probabilities[i] - p0);
    return values[i - 1] + Math.max(0.0, Math.min(1.0, t)) * (values[i] - values[i - 1]);
  }

  /** The probability of a value at most {@code x}: the inverse of {@link #quantile}. */
  public double cdf(double x) {
    int last = values.length - 1;
    if (x < values[0]) {
      return 0.0;
    }
    if (x >= values[last]) {
      return 1.0;
    }
    int i = 1;
    while (values[i] <= x) {
      i++;
    }
    double t = (x - values[i - 1]) / (values[i] - values[i - 1]);
    return probabilities[i - 1] + t * (probabilities[i] - probabilities[i - 1]);
  }

  /** The median absolute deviation from the median, computed on a fine grid of the curve. */
  public double medianAbsoluteDeviation() {
    int n = 20_001;
    double median = quantile(0.5);
    double[] deviations = new double[n];
    for (int k = 0; k < n; k++) {
      deviations[k] = Math.abs(quantile((k + 0.5) / n) - median);
    }
    Arrays.sort(deviations);
    return deviations[n / 2];
  }
}
