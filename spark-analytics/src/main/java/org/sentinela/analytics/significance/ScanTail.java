package org.sentinela.analytics.significance;

import org.apache.commons.math3.special.Beta;

/**
 * How surprising it is that {@code k} of {@code n} events fall within a short span of a longer
 * period, if the n events were placed independently and uniformly over the period: the binomial
 * tail P(Bin(n, span / period) ≥ k), times period / span for the number of places such a span could
 * have been found (a Bonferroni-style scan correction, conservative), capped at 1.
 */
public final class ScanTail {

  private ScanTail() {}

  /**
   * The p-value of a cluster.
   *
   * @param n events in the period
   * @param k events in the cluster, 1 ≤ k ≤ n
   * @param spanDays days the cluster covers, first and last day included (≥ 1)
   * @param periodDays days of the period (≥ 1)
   */
  public static double pValue(int n, int k, long spanDays, long periodDays) {
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("need 1 <= k <= n, got k=" + k + ", n=" + n);
    }
    if (spanDays < 1 || periodDays < 1) {
      throw new IllegalArgumentException(
          "span and period must be >= 1 day, got " + spanDays + " and " + periodDays);
    }
    if (spanDays >= periodDays) {
      return 1.0;
    }
    double share = (double) spanDays / periodDays;
    double atLeastK = Beta.regularizedBeta(share, k, n - k + 1.0);
    return PValues.clamped(atLeastK * periodDays / spanDays);
  }
}
