package org.sentinela.analytics.significance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg q-values: for the p-value of rank i (ascending) among m hypotheses, q_i = min
 * over j ≥ i of p_j · m / j, capped at 1. Publishing every finding with q ≤ α keeps the expected
 * share of false findings among them at most α (independent or positively dependent tests).
 *
 * <p>Only the findings' p-values are given; m counts every hypothesis tested. Those that gave no
 * finding count as p = 1, which can only raise the q-values: the result equals R's {@code
 * p.adjust(p, "BH", n = m)}.
 */
public final class BenjaminiHochberg {

  private BenjaminiHochberg() {}

  /** The q-values of {@code pValues} (any order, same order out) among {@code m} hypotheses. */
  public static double[] adjust(double[] pValues, long m) {
    requireHypotheses(pValues.length, m);
    Integer[] order =
        IntStream.range(0, pValues.length)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> pValues[i]))
            .toArray(Integer[]::new);
    double[] ascending = Arrays.stream(order).mapToDouble(i -> pValues[i]).toArray();
    double[] sortedQ = adjustSorted(ascending, 1, m, 1.0);
    double[] q = new double[pValues.length];
    for (int k = 0; k < order.length; k++) {
      q[order[k]] = sortedQ[k];
    }
    return q;
  }

  /**
   * The q-values of a run of ascending p-values whose first has rank {@code firstRank} (1-based),
   * given {@code carried}, the minimum of p · m / rank over all later ranks (1 when there are
   * none).
   */
  public static double[] adjustSorted(double[] ascending, long firstRank, long m, double carried) {
    requireHypotheses(firstRank - 1 + ascending.length, m);
    double[] q = new double[ascending.length];
    double running = Math.min(1.0, carried);
    for (int k = ascending.length - 1; k >= 0; k--) {
      PValues.requireValid("p-value", ascending[k]);
      if (k > 0 && ascending[k - 1] > ascending[k]) {
        throw new IllegalArgumentException(
            "p-values must be ascending: " + Arrays.toString(ascending));
      }
      running = Math.min(running, ascending[k] * m / (firstRank + k));
      // p · m / rank ≥ p since rank ≤ m; the max only undoes a rounding of the last bit
      q[k] = Math.max(ascending[k], running);
    }
    return q;
  }

  /** The minimum of p · m / rank over a run (see {@link #adjustSorted}); 1 for an empty run. */
  public static double runMinimum(double[] ascending, long firstRank, long m) {
    double minimum = 1.0;
    for (int k = 0; k < ascending.length; k++) {
      minimum = Math.min(minimum, ascending[k] * m / (firstRank + k));
    }
    return minimum;
  }

  private static void requireHypotheses(long findings, long m) {
    if (m < findings) {
      throw new IllegalArgumentException(
          "m (" + m + " hypotheses) cannot be less than the " + findings + " findings");
    }
  }
}
