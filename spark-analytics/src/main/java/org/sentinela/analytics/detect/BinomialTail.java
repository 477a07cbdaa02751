package org.sentinela.analytics.detect;

/**
 * The upper tail of the binomial distribution, summed exactly term by term (no normal or Poisson
 * approximation): the p-value of observing {@code k} or more successes in {@code n} trials.
 */
public final class BinomialTail {

  private BinomialTail() {}

  /**
   * P(X ≥ k) for X ~ Binomial(n, p).
   *
   * <p>When k is above the mean n·p the terms P(X = j), j ≥ k, decrease and are summed upward from
   * P(X = k); otherwise the result is 1 − P(X ≤ k − 1), whose terms decrease downward from k − 1.
   * Each sum starts from the exact log-probability of its first term and multiplies by the ratio of
   * consecutive terms, so tails as small as 1e-300 keep their relative precision.
   *
   * @throws IllegalArgumentException when n is negative or p is not in [0, 1]
   */
  public static double upper(int n, int k, double p) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    }
    if (k <= 0) {
      return 1;
    }
    if (k > n || p == 0) {
      return 0;
    }
    if (p == 1) {
      return 1;
    }
    if (k > n * p) {
      return sumUpward(n, k, p);
    }
    return Math.max(0, 1 - sumDownward(n, k - 1, p));
  }

  /** P(X ≥ k), k above the mean. */
  private static double sumUpward(int n, int k, double p) {
    double odds = p / (1 - p);
    double term = 1;
    double sum = 1;
    for (int j = k; j < n; j++) {
      term *= (double) (n - j) / (j + 1) * odds;
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return Math.exp(logProbability(n, k, p) + Math.log(sum));
  }

  /** P(X ≤ m), m below the mean. */
  private static double sumDownward(int n, int m, double p) {
    double inverseOdds = (1 - p) / p;
    double term = 1;
    double sum = 1;
    for (int j = m; j > 0; j--) {
      term *= (double) j / (n - j + 1) * inverseOdds;
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return Math.exp(logProbability(n, m, p) + Math.log(sum));
  }

  /** ln P(X = k). */
  static double logProbability(int n, int k, double p) {
    return logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
  }

  /** ln C(n, k), as a sum of ln((n − k' + i) / i), k' = min(k, n − k). */
  static double logChoose(int n, int k) {
    int smaller = Math.min(k, n - k);
    double sum = 0;
    for (int i = 1; i <= smaller; i++) {
      sum += Math.log((double) (n - smaller + i) / i);
    }
    return sum;
  }
}
