package org.sentinela.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/** Runs {@link SparkCsvToParquet} over one data set in a child JVM and measures it. */
final class SparkPeer {

  private static final Pattern RESULT = Pattern.compile("^rows=(\\d+) seconds=([0-9.]+)$");

  private SparkPeer() {}

  static Measurement run(BenchmarkOptions o, Path data, long rows) {
    Path output = o.work().resolve("spark-" + rows);
    Folders.delete(output);
    Path gcLog = o.work().resolve("spark-" + rows + "-gc.log");
    Path log = o.work().resolve("spark-" + rows + ".log");
    List<String> jvm = new ArrayList<>(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    jvm.add("-Xmx" + o.sparkHeap());
    jvm.add("-Xlog:gc:file=" + gcLog);
    List<String> command =
        ChildJvm.command(
            o.repo(),
            "ingest-benchmark",
            jvm,
            SparkCsvToParquet.class.getName(),
            List.of("--input", data.toString(), "--output", output.toString()));
    ChildJvm.Run run = ChildJvm.run(command, Map.of("SPARK_LOCAL_IP", "127.0.0.1"), log);
    if (run.exitCode() != 0) {
      throw new IllegalStateException("Spark failed (exit " + run.exitCode() + "): " + log);
    }
    Matcher result = result(log);
    long written = Long.parseLong(result.group(1));
    System.err.printf("Spark on %d rows: %d rows written (log %s)%n", rows, written, log);
    if (written != rows) {
      throw new IllegalStateException("Spark wrote " + written + " of " + rows + " rows: " + log);
    }
    if (!o.keep()) {
      Folders.delete(output);
    }
    return new Measurement(
        ResultTable.SPARK,
        rows,
        run.wallSeconds(),
        Double.parseDouble(result.group(2)),
        run.peakRssKb(),
        run.cpuSeconds(),
        GcSummary.read(gcLog));
  }

  private static Matcher result(Path log) {
    try {
      for (String line : Files.readAllLines(log)) {
        Matcher m = RESULT.matcher(line.strip());
        if (m.matches()) {
          return m;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("Spark printed no 'rows=N seconds=S' line: " + log);
  }
}
