package org.sentinela.analytics.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times one stage of the benchmark and samples this JVM's used heap and resident set (RSS) every
 * {@value #SAMPLE_MILLIS} ms while it runs, keeping the peaks.
 */
final class StageMeter implements AutoCloseable {

  static final int SAMPLE_MILLIS = 25;

  private static final Path STATUS = Path.of("/proc/self/status");

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "benchmark-memory-sampler");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakRss = new AtomicLong();

  StageMeter() {
    sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code work} as stage {@code name} of {@code kind}, measured. */
  <T> Measured<T> measure(String name, StageKind kind, Callable<T> work) {
    sample();
    peakHeap.set(memory.getHeapMemoryUsage().getUsed());
    peakRss.set(rssBytes("VmRSS:"));
    long start = System.nanoTime();
    T result;
    try {
      result = work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("stage " + name + " failed", e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sample();
    return new Measured<>(
        new StageTime(name, kind, seconds, peakHeap.get(), peakRss.get()), result);
  }

  /** The JVM's peak resident set since it started (VmHWM), in bytes. */
  static long processPeakRss() {
    return rssBytes("VmHWM:");
  }

  private void sample() {
    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    peakRss.accumulateAndGet(rssBytes("VmRSS:"), Math::max);
  }

  private static long rssBytes(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          String[] parts = line.substring(field.length()).strip().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + STATUS, e);
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }

  /** A stage's result and its measurement. */
  record Measured<T>(StageTime time, T result) {}
}
