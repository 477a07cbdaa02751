package org.sentinela.bench;

import java.util.List;
import java.util.Locale;

/**
 * Prints measurements as a table, with the ingest-to-Spark throughput ratio of each data set and
 * the targets met or missed.
 */
final class ResultTable {

  static final String INGEST = "batch-jobs ingest";
  static final String SPARK = "Spark CSV->Parquet";

  private static final String ROW = "%-20s %11s %8s %8s %10s %10s %6s %9s %9s %7s %9s%n";

  private ResultTable() {}

  static String format(List<Measurement> measurements) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "engine",
            "rows",
            "work s",
            "wall s",
            "rows/s",
            "rows/s wl",
            "cores",
            "heap peak",
            "heap aGC",
            "full GC",
            "RSS peak"));
    for (Measurement m : measurements) {
      out.append(
          String.format(
              Locale.ROOT,
              ROW,
              m.engine(),
              String.format(Locale.ROOT, "%,d", m.rows()),
              String.format(Locale.ROOT, "%.1f", m.workSeconds()),
              String.format(Locale.ROOT, "%.1f", m.wallSeconds()),
              String.format(Locale.ROOT, "%,.0f", m.rowsPerSecond()),
              String.format(Locale.ROOT, "%,.0f", m.rowsPerWallSecond()),
              String.format(Locale.ROOT, "%.2f", m.coresUsed()),
              m.gc().peakUsedMb() + " MB",
              m.gc().maxAfterGcMb() + " MB",
              m.gc().fullPauses(),
              m.peakRssKb() / 1024 + " MB"));
    }
    for (Measurement ingest : measurements) {
      if (!ingest.engine().equals(INGEST)) {
        continue;
      }
      for (Measurement spark : measurements) {
        if (spark.engine().equals(SPARK) && spark.rows() == ingest.rows()) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "%,d rows: ingest / Spark throughput = %.2fx (work), %.2fx (wall)%n",
                  ingest.rows(),
                  ingest.rowsPerSecond() / spark.rowsPerSecond(),
                  ingest.rowsPerWallSecond() / spark.rowsPerWallSecond()));
        }
      }
    }
    out.append("targets (issue #3):").append(System.lineSeparator());
    for (String verdict : Targets.verdicts(measurements)) {
      out.append("  ").append(verdict).append(System.lineSeparator());
    }
    return out.toString();
  }
}
