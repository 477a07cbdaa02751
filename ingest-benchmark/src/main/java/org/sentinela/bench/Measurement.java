package org.sentinela.bench;

import java.util.Objects;

/**
 * One engine's run over one data set.
 *
 * @param engine what ran ("batch-jobs ingest", "Spark CSV→Parquet")
 * @param rows data rows in the input files
 * @param wallSeconds the child JVM's whole life, start-up included
 * @param workSeconds the conversion alone: the Spring Batch job's start to end, or Spark's read and
 *     write without the session start-up
 * @param peakRssKb the child's peak resident set
 * @param cpuSeconds the CPU time of all the child's threads
 * @param gc its heap, from its GC log
 */
public record Measurement(
    String engine,
    long rows,
    double wallSeconds,
    double workSeconds,
    long peakRssKb,
    double cpuSeconds,
    GcSummary gc) {

  public Measurement {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(gc, "gc");
    if (rows <= 0 || !(workSeconds > 0) || !(wallSeconds >= workSeconds)) {
      throw new IllegalArgumentException(
          "implausible run of "
              + engine
              + ": rows="
              + rows
              + " work="
              + workSeconds
              + " s wall="
              + wallSeconds
              + " s");
    }
  }

  /** Throughput over the conversion alone. */
  public double rowsPerSecond() {
    return rows / workSeconds;
  }

  /** Throughput over the JVM's whole life. */
  public double rowsPerWallSecond() {
    return rows / wallSeconds;
  }

  /**
   * Cores kept busy on average over the JVM's life: 2.0 is both cores of this machine all along.
   */
  public double coresUsed() {
    return cpuSeconds / wallSeconds;
  }
}
