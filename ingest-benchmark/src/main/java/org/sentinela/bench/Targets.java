package org.sentinela.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Issue #3's targets, each met or missed: the ingest at least {@value #MIN_RATIO}× Spark's
 * throughput on the same files, its heap at most {@value #MAX_HEAP_MB} MB, and that heap flat
 * across data-set sizes (the largest size's highest after-collection heap at most {@value
 * #FLAT_FACTOR}× the smallest's plus {@value #FLAT_SLACK_MB} MB).
 */
final class Targets {

  static final double MIN_RATIO = 1.2;
  static final long MAX_HEAP_MB = 512;
  static final double FLAT_FACTOR = 1.25;
  static final long FLAT_SLACK_MB = 32;

  private Targets() {}

  /** One line per target and data set. */
  static List<String> verdicts(List<Measurement> measurements) {
    List<Measurement> ingests =
        measurements.stream()
            .filter(m -> m.engine().equals(ResultTable.INGEST))
            .sorted(Comparator.comparingLong(Measurement::rows))
            .toList();
    List<String> lines = new ArrayList<>();
    for (Measurement ingest : ingests) {
      measurements.stream()
          .filter(m -> m.engine().equals(ResultTable.SPARK) && m.rows() == ingest.rows())
          .findFirst()
          .ifPresent(
              spark -> {
                double ratio = ingest.rowsPerSecond() / spark.rowsPerSecond();
                lines.add(
                    line(
                        "throughput >= %.1fx Spark at %,d rows: %.2fx",
                        ratio >= MIN_RATIO, MIN_RATIO, ingest.rows(), ratio));
              });
    }
    for (Measurement ingest : ingests) {
      long peak = ingest.gc().peakUsedMb();
      lines.add(
          line(
              "heap <= %d MB at %,d rows: peak %d MB, %d full GCs",
              peak > 0 && peak <= MAX_HEAP_MB,
              MAX_HEAP_MB,
              ingest.rows(),
              peak,
              ingest.gc().fullPauses()));
    }
    if (ingests.size() < 2) {
      lines.add("heap flat across sizes: not shown, one data set only");
    } else {
      Measurement small = ingests.get(0);
      Measurement large = ingests.get(ingests.size() - 1);
      long smallMb = small.gc().maxAfterGcMb();
      long largeMb = large.gc().maxAfterGcMb();
      lines.add(
          line(
              "heap flat across sizes: after GC at most %d MB at %,d rows, %d MB at %,d rows",
              largeMb <= FLAT_FACTOR * smallMb + FLAT_SLACK_MB,
              smallMb,
              small.rows(),
              largeMb,
              large.rows()));
    }
    return lines;
  }

  private static String line(String format, boolean met, Object... args) {
    return String.format(Locale.ROOT, format, args) + " -- " + (met ? "MET" : "MISSED");
  }
}
