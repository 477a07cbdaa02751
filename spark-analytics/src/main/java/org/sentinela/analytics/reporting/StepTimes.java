package org.sentinela.analytics.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Wall time of each step of one publication, in the order they ran, for its log line. */
final class StepTimes {

  private final Map<String, Long> nanosByStep = new LinkedHashMap<>();
  private final long started = System.nanoTime();
  private long stepStarted = started;

  /** Ends the current step under {@code name}; the next one starts now. */
  void lap(String name) {
    long now = System.nanoTime();
    nanosByStep.merge(name, now - stepStarted, Long::sum);
    stepStarted = now;
  }

  /** Milliseconds since this timer was made. */
  long totalMillis() {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** {@code "lock 1 ms, delete 12 ms, …"}. */
  @Override
  public String toString() {
    StringJoiner steps = new StringJoiner(", ");
    nanosByStep.forEach((name, nanos) -> steps.add(name + " " + nanos / 1_000_000 + " ms"));
    return steps.toString();
  }
}
