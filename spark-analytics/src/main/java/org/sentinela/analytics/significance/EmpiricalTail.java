package org.sentinela.analytics.significance;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The upper tail of a night's reference values, for empirical (conformal) p-values: of the {@code
 * n} reference values, those at or above {@code from} are kept, sorted. The p-value of a value x ≥
 * from is the share of the reference at or above x; the reference holds the tested value itself, so
 * p ≥ 1 / n. Under exchangeability (the tested value is drawn like the others) such a p-value is
 * valid without any distributional assumption. Tails merge, so partitions combine.
 */
public final class EmpiricalTail implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double from;
  private final long n;
  private final double[] kept;

  private EmpiricalTail(double from, long n, double[] sortedKept) {
    if (!Double.isFinite(from)) {
      throw new IllegalArgumentException("the tail must start at a finite value, got " + from);
    }
    if (n < sortedKept.length) {
      throw new IllegalArgumentException(
          "a tail cannot keep " + sortedKept.length + " of " + n + " values");
    }
    this.from = from;
    this.n = n;
    this.kept = sortedKept;
  }

  /** An empty reference that will keep the values at or above {@code from}. */
  public static EmpiricalTail startingAt(double from) {
    return new EmpiricalTail(from, 0, new double[0]);
  }

  /**
   * A reference of {@code n} values of which {@code values} are those worth keeping (the ones below
   * {@code from} are dropped; the others must be among the n).
   */
  public static EmpiricalTail of(double from, long n, double... values) {
    double[] tail = Arrays.stream(values).filter(v -> v >= from).toArray();
    Arrays.sort(tail);
    return new EmpiricalTail(from, n, tail);
  }

  /** Both references together; they must keep the same tail. */
  public EmpiricalTail merge(EmpiricalTail other) {
    if (Double.compare(from, other.from) != 0) {
      throw new IllegalArgumentException(
          "cannot merge tails from " + from + " and from " + other.from);
    }
    double[] merged = new double[kept.length + other.kept.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < kept.length || j < other.kept.length) {
      if (j == other.kept.length || (i < kept.length && kept[i] <= other.kept[j])) {
        merged[k++] = kept[i++];
      } else {
        merged[k++] = other.kept[j++];
      }
    }
    return new EmpiricalTail(from, n + other.n, merged);
  }

  /** Reference values counted. */
  public long n() {
    return n;
  }

  /** The value from which the tail is kept. */
  public double from() {
    return from;
  }

  /** How many reference values are at or above {@code x} (x ≥ {@link #from()}). */
  public long atLeast(double x) {
    if (!(x >= from)) {
      throw new IllegalArgumentException(
          "the tail is kept from " + from + " only; cannot count values >= " + x);
    }
    int low = 0;
    int high = kept.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (kept[mid] < x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return kept.length - low;
  }

  /**
   * The share of the reference at or above {@code x}, at least 1 / n (the tested value is one of
   * them); 1 for an empty reference.
   */
  public double pValue(double x) {
    long count = Math.max(1, atLeast(x));
    return PValues.clamped((double) count / Math.max(count, n));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EmpiricalTail that
        && Double.compare(from, that.from) == 0
        && n == that.n
        && Arrays.equals(kept, that.kept);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Double.hashCode(from) + Long.hashCode(n)) + Arrays.hashCode(kept);
  }

  @Override
  public String toString() {
    return "EmpiricalTail[from=" + from + ", n=" + n + ", kept=" + kept.length + "]";
  }
}
