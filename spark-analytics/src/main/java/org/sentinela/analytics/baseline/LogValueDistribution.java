package org.sentinela.analytics.baseline;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * Spark aggregation of one segment's ln(value)s into its size, median, MAD and 1/25/75/99th
 * percentiles, exactly and in one pass: the values are gathered in a primitive array (8 bytes each;
 * partial aggregates are merged across the shuffle) and sorted once at the end.
 *
 * <p>Percentiles are the lower ones, with no interpolation: the smallest value with at least p × n
 * values at or below it, the definition {@code percentile_approx} follows where it is exact. The
 * MAD is the lower median of the absolute deviations from that median.
 */
public final class LogValueDistribution
    extends Aggregator<Double, LogValueDistribution.Values, LogValueDistribution.Summary> {

  private static final int INITIAL_CAPACITY = 16;

  @Override
  public Values zero() {
    return new Values();
  }

  @Override
  public Values reduce(Values buffer, Double logValue) {
    if (logValue != null) {
      buffer.add(logValue);
    }
    return buffer;
  }

  @Override
  public Values merge(Values left, Values right) {
    if (left.size < right.size) {
      right.addAll(left);
      return right;
    }
    left.addAll(right);
    return left;
  }

  @Override
  public Summary finish(Values buffer) {
    return Summary.of(Arrays.copyOf(buffer.values, buffer.size));
  }

  @Override
  public Encoder<Values> bufferEncoder() {
    return Encoders.bean(Values.class);
  }

  @Override
  public Encoder<Summary> outputEncoder() {
    return Encoders.bean(Summary.class);
  }

  /**
   * The lower p-quantile of ascending {@code sorted}: its ⌈p·n⌉-th value (the first for p·n ≤ 1).
   */
  static double lower(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }

  /** The gathered values of one segment (a Java bean, so Spark can encode it across a shuffle). */
  public static final class Values implements Serializable {
    private double[] values = new double[INITIAL_CAPACITY];
    private int size;

    /** The values gathered, in no particular order. */
    public double[] getValues() {
      return Arrays.copyOf(values, size);
    }

    public void setValues(double[] gathered) {
      values = gathered.length == 0 ? new double[INITIAL_CAPACITY] : gathered;
      size = gathered.length;
    }

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size);
      }
      values[size++] = value;
    }

    void addAll(Values other) {
      if (size + other.size > values.length) {
        values = Arrays.copyOf(values, Math.max(2 * values.length, size + other.size));
      }
      System.arraycopy(other.values, 0, values, size, other.size);
      size += other.size;
    }
  }

  /** A segment's statistics (a Java bean: Spark returns it as a struct of these fields). */
  public static final class Summary implements Serializable {
    private long contracts;
    private double median;
    private double mad;
    private double p01;
    private double p25;
    private double p75;
    private double p99;

    /** The statistics of {@code values} (sorted in place); n = 0 gives zeros. */
    static Summary of(double[] values) {
      Summary summary = new Summary();
      summary.contracts = values.length;
      if (values.length == 0) {
        return summary;
      }
      Arrays.sort(values);
      summary.median = lower(values, 0.5);
      summary.p01 = lower(values, 0.01);
      summary.p25 = lower(values, 0.25);
      summary.p75 = lower(values, 0.75);
      summary.p99 = lower(values, 0.99);
      for (int i = 0; i < values.length; i++) {
        values[i] = Math.abs(values[i] - summary.median);
      }
      Arrays.sort(values);
      summary.mad = lower(values, 0.5);
      return summary;
    }

    public long getContracts() {
      return contracts;
    }

    public void setContracts(long contracts) {
      this.contracts = contracts;
    }

    public double getMedian() {
      return median;
    }

    public void setMedian(double median) {
      this.median = median;
    }

    public double getMad() {
      return mad;
    }

    public void setMad(double mad) {
      this.mad = mad;
    }

    public double getP01() {
      return p01;
    }

    public void setP01(double p01) {
      this.p01 = p01;
    }

    public double getP25() {
      return p25;
    }

    public void setP25(double p25) {
      this.p25 = p25;
    }

    public double getP75() {
      return p75;
    }

    public void setP75(double p75) {
      this.p75 = p75;
    }

    public double getP99() {
      return p99;
    }

    public void setP99(double p99) {
      this.p99 = p99;
    }
  }
}
