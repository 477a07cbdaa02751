package org.sentinela.analytics.bench;

import java.util.Objects;

/**
 * One measured stage.
 *
 * @param name the stage
 * @param kind what it is
 * @param seconds wall time
 * @param peakHeapBytes highest used heap sampled during the stage
 * @param peakRssBytes highest resident set of the JVM sampled during the stage
 */
record StageTime(
    String name, StageKind kind, double seconds, long peakHeapBytes, long peakRssBytes) {

  StageTime {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (name.contains("\t") || !(seconds >= 0)) {
      throw new IllegalArgumentException("bad stage " + name + " of " + seconds + " s");
    }
  }

  /** A tab-separated line: name, kind, seconds, peak heap MiB, peak RSS MiB. */
  String tsv() {
    return String.join(
        "\t",
        name,
        kind.name(),
        String.format(java.util.Locale.ROOT, "%.3f", seconds),
        Long.toString(peakHeapBytes >> 20),
        Long.toString(peakRssBytes >> 20));
  }
}
