package org.sentinela.analytics;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly analysis job: reads the lake's current contracts snapshot, builds the segment
 * baselines, runs the detectors and publishes the results to the reporting database.
 *
 * <pre>
 * NightlyAnalysis --lake DIR --run-id ID
 * </pre>
 *
 * <p>Prints one JSON summary line to stdout; logs go to stderr. Exit status 0 on success, 1 when
 * the analysis fails, 2 for bad arguments or settings. Settings: {@link AnalyticsOptions}.
 */
public final class NightlyAnalysis {

  private static final Logger log = LoggerFactory.getLogger(NightlyAnalysis.class);

  private NightlyAnalysis() {}

  public static void main(String[] args) {
    System.exit(execute(args, System.getenv(), System.out, System.err));
  }

  /** Runs the job; returns the exit status. */
  static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    List<String> arguments = Arrays.asList(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      out.println(AnalyticsOptions.USAGE);
      return 0;
    }
    AnalyticsOptions options;
    try {
      options = AnalyticsOptions.parse(args, env, Runtime.getRuntime().availableProcessors());
    } catch (IllegalArgumentException e) {
      err.println("nightly analysis: " + e.getMessage());
      err.println(AnalyticsOptions.USAGE);
      return 2;
    }
    try {
      NightlyRun run = NightlyRun.prepare(options);
      SparkSession spark =
          SparkSession.builder().config(options.sparkConf(new SparkConf())).getOrCreate();
      try {
        out.println(run.analyse(spark).toJson());
        return 0;
      } finally {
        spark.stop();
      }
    } catch (AnalysisFailure e) {
      err.println("nightly analysis failed: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      log.error("Nightly analysis of run {} failed", options.runId(), e);
      err.println("nightly analysis failed: " + e);
      return 1;
    }
  }
}
