package org.sentinela.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sentinela.reporting.db.EmbeddedReportingDatabase;
import org.sentinela.reporting.db.ReportingSchema;

/**
 * The ingest throughput benchmark: for each data set, the nightly ingest (at the nightly's heap)
 * and Spark's own typed CSV→Parquet conversion of the same files, one after the other, then a table
 * of time, throughput, heap and resident memory, and the throughput ratio. Arguments: {@link
 * BenchmarkOptions}. Run it with {@code scripts/bench/ingest-benchmark}.
 */
public final class IngestBenchmark {

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private IngestBenchmark() {}

  public static void main(String[] args) {
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ingest-benchmark: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<Measurement> results = run(options);
    System.out.print(ResultTable.format(results));
    System.out.println("load average at the end (1, 5, 15 min): " + loadAverage());
  }

  /** The first three fields of /proc/loadavg, or "unknown" where there is none. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return String.join(" ", fields[0], fields[1], fields[2]);
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Measures every data set of the options, ingest then Spark. */
  static List<Measurement> run(BenchmarkOptions o) {
    List<Measurement> results = new ArrayList<>();
    try (EmbeddedReportingDatabase db =
        EmbeddedReportingDatabase.startOrReuse(
            o.work().resolve("pg/data"), o.work().resolve("pg/binaries"), 0)) {
      ReportingSchema.migrate(db.settings());
      for (Path data : o.dataSets()) {
        long rows = countRows(data);
        // The ingest gives each input file to one thread: fewer files than cores leave cores idle.
        System.err.printf(
            "data set %s: %,d rows in %d Compras files; the ingest reads %d at a time;"
                + " load average %s%n",
            data,
            rows,
            comprasFiles(data).size(),
            Math.min(comprasFiles(data).size(), CORES),
            loadAverage());
        results.add(IngestUnderTest.run(o, db.settings(), data, rows));
        results.add(SparkPeer.run(o, data, rows));
      }
    }
    return results;
  }

  /** Data rows of the {@code *_Compras.csv} files of a folder: their lines less one header each. */
  static long countRows(Path data) {
    long rows = 0;
    for (Path file : comprasFiles(data)) {
      try {
        rows += lines(file) - 1;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return rows;
  }

  /** The {@code *_Compras.csv} files of a folder. */
  static List<Path> comprasFiles(Path data) {
    try (Stream<Path> files = Files.list(data)) {
      return files.filter(f -> f.getFileName().toString().endsWith("_Compras.csv")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + data, e);
    }
  }

  private static long lines(Path file) throws IOException {
    long lines = 0;
    int last = '\n';
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        if (n > 0) {
          last = buffer[n - 1];
        }
      }
    }
    return last == '\n' ? lines : lines + 1;
  }
}
