package org.sentinela.analytics.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sentinela.analytics.AnalysisSummary;
import org.sentinela.analytics.AnalyticsOptions;
import org.sentinela.analytics.NightlyRun;
import org.sentinela.analytics.baseline.ScoringValues;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.baseline.SeasonalStats;
import org.sentinela.analytics.baseline.SegmentBaseline;
import org.sentinela.analytics.baseline.SegmentBaselines;
import org.sentinela.analytics.baseline.SegmentProfiles;
import org.sentinela.analytics.detect.Anomaly;
import org.sentinela.analytics.detect.AnomalyStage;
import org.sentinela.analytics.detect.BunchingStage;
import org.sentinela.analytics.detect.ContractGroups;
import org.sentinela.analytics.detect.Detector;
import org.sentinela.analytics.detect.Detectors;
import org.sentinela.analytics.detect.GroupDetector;
import org.sentinela.analytics.detect.HypothesisTally;
import org.sentinela.analytics.detect.SupplierConcentrationStage;
import org.sentinela.analytics.detect.TemporalSpikeDetector;
import org.sentinela.analytics.detect.TemporalSpikes;
import org.sentinela.analytics.detect.UnitYearFindings;
import org.sentinela.analytics.lake.ContractSnapshot;
import org.sentinela.analytics.reporting.Publication;
import org.sentinela.analytics.reporting.ReportingDatabase;
import org.sentinela.analytics.reporting.RunCounts;
import org.sentinela.analytics.reporting.RunPublisher;
import org.sentinela.analytics.significance.SignificanceStage;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/**
 * The analytics benchmark on one lake (issue #4): the whole nightly analysis, then its stages one
 * by one, then the peers (DuckDB's baseline SQL on the same Parquet, a raw PostgreSQL COPY of the
 * same published rows). Prints a report and writes the stage figures as TSV.
 *
 * <pre>
 * AnalyticsBenchmark --lake DIR --out FILE.tsv
 * </pre>
 *
 * <p>Run by {@code scripts/bench/analytics-benchmark}, one JVM per lake, with the nightly's driver
 * heap. Spark settings come from the nightly's own {@link AnalyticsOptions} (the environment's
 * {@code SENTINELA_SPARK_MASTER}, {@code SENTINELA_SPARK_SHUFFLE_PARTITIONS}); the reporting
 * database is a fresh migrated one on the embedded test PostgreSQL (or {@code
 * SENTINELA_TEST_DB_URL}).
 */
public final class AnalyticsBenchmark {

  private static final String NIGHT_RUN = "bench-night";
  private static final String STAGED_RUN = "bench-staged";
  private static final String RAW_COPY_RUN = "bench-raw-copy";

  private final PrintStream out;
  private final StageMeter meter;
  private final List<StageTime> stages = new ArrayList<>();
  private final Map<String, String> facts = new java.util.LinkedHashMap<>();

  private AnalyticsBenchmark(PrintStream out, StageMeter meter) {
    this.out = out;
    this.meter = meter;
  }

  public static void main(String[] args) throws Exception {
    Path lake = null;
    Path tsv = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--lake" -> lake = Path.of(args[i + 1]);
        case "--out" -> tsv = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (lake == null || tsv == null || args.length % 2 != 0) {
      System.err.println("usage: AnalyticsBenchmark --lake DIR --out FILE.tsv");
      System.exit(2);
    }
    try (StageMeter meter = new StageMeter()) {
      AnalyticsBenchmark benchmark = new AnalyticsBenchmark(System.out, meter);
      benchmark.run(lake);
      benchmark.write(tsv);
    }
    System.exit(0);
  }

  private void run(Path lake) throws Exception {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    AnalyticsOptions nightOptions = options(lake, NIGHT_RUN);
    AnalyticsOptions stagedOptions = options(lake, STAGED_RUN);
    SparkSession spark =
        SparkSession.builder().config(nightOptions.sparkConf(new SparkConf())).getOrCreate();
    facts.put("spark_master", spark.conf().get("spark.master"));
    facts.put("shuffle_partitions", spark.conf().get("spark.sql.shuffle.partitions"));
    facts.put("max_heap_mib", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
    facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    try {
      AnalysisSummary night =
          measure(
              "whole analytics (NightlyRun.analyse, cold)",
              StageKind.WHOLE,
              () -> NightlyRun.prepare(nightOptions).analyse(spark));
      out.println("night: " + night.toJson());
      Staged staged = staged(spark, NightlyRun.prepare(stagedOptions));
      duckDb(staged);
      rawCopy(stagedOptions.database(), Long.parseLong(facts.get("published_rows")));
    } finally {
      spark.stop();
    }
    facts.put(
        "load_average_before_after",
        String.format(
            Locale.ROOT,
            "%.1f/%.1f",
            loadBefore,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    facts.put("process_peak_rss_mib", Long.toString(StageMeter.processPeakRss() >> 20));
    report();
  }

  /** What the staged run found, for the peers. */
  private record Staged(Path snapshot, long scored, List<SegmentBaseline> baselines) {}

  /** NightlyRun.analyse's steps, each materialised and timed, plus per-detector passes. */
  private Staged staged(SparkSession spark, NightlyRun run) throws Exception {
    Dataset<Row> versions = ContractSnapshot.load(spark, run.snapshot());
    Dataset<Row> valued =
        NightlyRun.currentContracts(versions).persist(StorageLevel.MEMORY_AND_DISK());
    RunCounts counts =
        measure(
            "read lake + current versions",
            StageKind.NIGHT,
            () -> {
              long inSnapshot = versions.count();
              Row tally = valued.agg(count(lit(1)), count(col(ScoringValues.LOG_VALUE))).first();
              return new RunCounts(
                  inSnapshot,
                  tally.getLong(0),
                  tally.getLong(1),
                  tally.getLong(0) - tally.getLong(1));
            });
    facts.put("contracts_in_snapshot", Long.toString(counts.contractsInSnapshot()));
    facts.put("contracts_current", Long.toString(counts.contractsCurrent()));
    facts.put("contracts_scored", Long.toString(counts.contractsScored()));
    Dataset<Row> baselines =
        SegmentBaselines.compute(valued).persist(StorageLevel.MEMORY_AND_DISK());
    List<SegmentBaseline> segmentBaselines =
        measure(
            "baselines (5 levels: n, median, MAD, quantiles)",
            StageKind.NIGHT,
            () -> baselines.collectAsList().stream().map(SegmentBaselines::toBaseline).toList());
    facts.put("segments", Long.toString(segmentBaselines.size()));
    measure(
        "baselines joined back to every contract (materialised)",
        StageKind.EXTRA,
        () -> {
          SegmentProfiles.attach(valued, baselines).write().format("noop").mode("overwrite").save();
          return null;
        });
    SeasonalFactors seasonal =
        measure(
            "seasonal factors (segment x month medians, estimated on the driver)",
            StageKind.NIGHT,
            () -> SeasonalStats.factors(valued, segmentBaselines));
    TemporalSpikes.Result spikes =
        measure(
            "TEMPORAL_SPIKE (unit-month totals and factors, scores per unit)",
            StageKind.NIGHT,
            () -> TemporalSpikes.detect(valued, run.detectors().temporalSpike()));
    List<SeasonalFactor> factors = new ArrayList<>(seasonal.all());
    factors.addAll(spikes.seasonalFactors().all());
    HypothesisTally tested =
        measure(
            "hypothesis tally (m of the q-values, amendment reference)",
            StageKind.NIGHT,
            () -> HypothesisTally.of(valued, run.detectors()));
    Detectors detectors =
        run.detectors().forTonight(seasonal, segmentBaselines, tested.amendmentReference());
    Dataset<Row> perContract =
        AnomalyStage.detect(SegmentProfiles.attach(valued, baselines), detectors.perContract());
    Dataset<Row> perGroup =
        ContractGroups.detect(ContractGroups.candidates(valued), detectors.perGroup());
    UnitYearFindings bunching =
        measure(
            "BUNCHING (unit-years, on the driver)",
            StageKind.NIGHT,
            () -> BunchingStage.detect(valued, detectors.bunching()));
    UnitYearFindings concentration =
        measure(
            "SUPPLIER_CONCENTRATION (unit-years, on the driver)",
            StageKind.NIGHT,
            () -> SupplierConcentrationStage.detect(valued, detectors.supplierConcentration()));
    Dataset<Row> found =
        perContract
            .unionByName(perGroup)
            .unionByName(bunching.anomalies())
            .unionByName(concentration.anomalies())
            .unionByName(spikes.anomalies())
            .persist(StorageLevel.MEMORY_AND_DISK());
    measure("per-contract and group detectors, spikes' contracts", StageKind.NIGHT, found::count);
    Map<String, Long> tests = new TreeMap<>(tested.tested());
    tests.put(bunching.detector(), bunching.hypotheses());
    tests.put(concentration.detector(), concentration.hypotheses());
    tests.put(TemporalSpikeDetector.NAME, spikes.tested());
    Map<String, Long> hypotheses = NightlyRun.hypotheses(tests, NightlyRun.foundByDetector(found));
    long m = hypotheses.values().stream().mapToLong(Long::longValue).sum();
    Dataset<Row> anomalies =
        SignificanceStage.adjust(found, m).persist(StorageLevel.MEMORY_AND_DISK());
    long flagged = measure("q-values (Benjamini-Hochberg)", StageKind.NIGHT, anomalies::count);
    facts.put("anomalies", Long.toString(flagged));
    for (Detector detector : detectors.perContract()) {
      measure(
          "  " + detector.getClass().getSimpleName() + " alone (with the join-back)",
          StageKind.EXTRA,
          () -> AnomalyStage.detect(SegmentProfiles.attach(valued, baselines), detector).count());
    }
    for (GroupDetector detector : detectors.perGroup()) {
      measure(
          "  " + detector.getClass().getSimpleName() + " alone (candidates + groups)",
          StageKind.EXTRA,
          () -> ContractGroups.detect(ContractGroups.candidates(valued), detector).count());
    }
    measure(
        "  publication's input alone (toLocalIterator, no database)",
        StageKind.EXTRA,
        () -> {
          long rows = 0;
          for (Iterator<Anomaly> it = NightlyRun.flagsForPublication(anomalies, flagged);
              it.hasNext();
              it.next()) {
            rows++;
          }
          return rows;
        });
    facts.put("anomaly_partitions", Integer.toString(anomalies.rdd().getNumPartitions()));
    Publication publication =
        measure(
            "publication (one transaction, COPY)",
            StageKind.NIGHT,
            () ->
                new RunPublisher(run.database())
                    .publishRun(
                        run.runId(),
                        NightlyRun.flagsForPublication(anomalies, flagged),
                        segmentBaselines,
                        factors,
                        counts,
                        hypotheses));
    facts.put("published_anomalies", Long.toString(publication.anomalies()));
    facts.put(
        "published_rows",
        Long.toString(
            publication.anomalies() + publication.baselines() + publication.seasonalFactors()));
    anomalies.unpersist();
    found.unpersist();
    baselines.unpersist();
    valued.unpersist();
    return new Staged(run.snapshot(), counts.contractsScored(), segmentBaselines);
  }

  private void duckDb(Staged staged) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement s = duck.createStatement()) {
        s.execute("set threads = 2");
      }
      DuckDbBaselines sql = new DuckDbBaselines(duck);
      measure(
          "DuckDB: read lake + current versions",
          StageKind.PEER,
          () -> sql.loadCurrentContracts(staged.snapshot()));
      long profiles =
          measure(
              "DuckDB: baselines joined back to every contract",
              StageKind.PEER,
              sql::baselinesJoinedBack);
      if (profiles != staged.scored()) {
        throw new IllegalStateException(
            "DuckDB joined back " + profiles + " contracts, Spark scored " + staged.scored());
      }
      compare(staged.baselines(), sql.baselines());
    }
  }

  /** Spark's and DuckDB's segments must be the same; their statistics close. */
  private void compare(List<SegmentBaseline> spark, Map<String, double[]> duck) {
    double medianGap = 0;
    double madGap = 0;
    for (SegmentBaseline b : spark) {
      double[] d = duck.get(b.level().name() + "|" + b.segmentKey());
      if (d == null || d[0] != b.contracts()) {
        throw new IllegalStateException(
            "DuckDB's segment " + b.segmentKey() + " differs: " + (d == null ? "missing" : d[0]));
      }
      medianGap = Math.max(medianGap, Math.abs(d[1] - b.medianLogValue()));
      madGap = Math.max(madGap, Math.abs(d[2] - b.madLogValue()));
    }
    if (duck.size() != spark.size()) {
      throw new IllegalStateException(
          "DuckDB has " + duck.size() + " segments, Spark " + spark.size());
    }
    facts.put("duckdb_segments_equal", Integer.toString(spark.size()));
    facts.put("duckdb_max_median_gap", String.format(Locale.ROOT, "%.2e", medianGap));
    facts.put("duckdb_max_mad_gap", String.format(Locale.ROOT, "%.2e", madGap));
  }

  private void rawCopy(ReportingDatabase database, long published) throws Exception {
    RawCopy copy = new RawCopy(database);
    RawCopy.Rows rows = copy.publishedRows(STAGED_RUN, RAW_COPY_RUN);
    long copied =
        measure(
            "raw COPY of the same rows into the same tables (PostgreSQL)",
            StageKind.PEER,
            () -> copy.copyIntoTables(RAW_COPY_RUN, rows));
    copy.createTwins();
    long copiedToTwins =
        measure(
            "  twin tables' raw COPY (no foreign keys: the peer until now)",
            StageKind.EXTRA,
            () -> copy.copyIntoTwins(rows));
    if (copied != published || copiedToTwins != published) {
      throw new IllegalStateException(
          "raw COPY wrote " + copied + " and " + copiedToTwins + " rows, the run " + published);
    }
    facts.put("raw_copy_mib", Long.toString(rows.bytes() >> 20));
  }

  private <T> T measure(String name, StageKind kind, java.util.concurrent.Callable<T> work) {
    out.printf(Locale.ROOT, "… %s%n", name.strip());
    StageMeter.Measured<T> measured = meter.measure(name, kind, work);
    stages.add(measured.time());
    out.printf(Locale.ROOT, "  %.1f s%n", measured.time().seconds());
    return measured.result();
  }

  private double seconds(String prefix) {
    return stages.stream()
        .filter(s -> s.name().startsWith(prefix))
        .mapToDouble(StageTime::seconds)
        .sum();
  }

  private void report() {
    out.println();
    out.printf(
        Locale.ROOT,
        "%-62s %-6s %9s %10s %9s%n",
        "stage",
        "kind",
        "seconds",
        "heap MiB",
        "RSS MiB");
    for (StageTime s : stages) {
      out.printf(
          Locale.ROOT,
          "%-62s %-6s %9.1f %10d %9d%n",
          s.name(),
          s.kind().name().toLowerCase(Locale.ROOT),
          s.seconds(),
          s.peakHeapBytes() >> 20,
          s.peakRssBytes() >> 20);
    }
    double stagedNight =
        stages.stream()
            .filter(s -> s.kind() == StageKind.NIGHT)
            .mapToDouble(StageTime::seconds)
            .sum();
    double sparkBaseline = seconds("baselines (") + seconds("baselines joined back");
    double duckBaseline = seconds("DuckDB: baselines");
    double publication = seconds("publication");
    double rawCopy = seconds("raw COPY");
    long published = Long.parseLong(facts.get("published_rows"));
    facts.put("staged_night_seconds", String.format(Locale.ROOT, "%.1f", stagedNight));
    facts.put(
        "baseline_spark_over_duckdb",
        String.format(Locale.ROOT, "%.2f", sparkBaseline / duckBaseline));
    facts.put(
        "publication_rows_per_second", String.format(Locale.ROOT, "%.0f", published / publication));
    facts.put("raw_copy_rows_per_second", String.format(Locale.ROOT, "%.0f", published / rawCopy));
    facts.put(
        "publication_over_raw_copy_rate",
        String.format(Locale.ROOT, "%.2f", rawCopy / publication));
    facts.put(
        "publication_over_twin_copy_rate",
        String.format(Locale.ROOT, "%.2f", seconds("  twin tables' raw COPY") / publication));
    out.println();
    facts.forEach((k, v) -> out.printf(Locale.ROOT, "%-34s %s%n", k, v));
    out.println();
    out.printf(
        Locale.ROOT,
        "target: baseline stage (baselines + join-back) %.1f s = %.2f × DuckDB's %.1f s (≤ 2)%n",
        sparkBaseline,
        sparkBaseline / duckBaseline,
        duckBaseline);
    out.printf(
        Locale.ROOT,
        "target: whole analytics %.1f s (≤ 240 s on 4M contracts)%n",
        seconds("whole analytics"));
    out.printf(
        Locale.ROOT,
        "target: publication %.0f rows/s = %.2f × raw COPY's %.0f rows/s (≥ 0.7)%n",
        published / publication,
        rawCopy / publication,
        published / rawCopy);
  }

  private void write(Path tsv) throws IOException {
    List<String> lines = new ArrayList<>();
    facts.forEach((k, v) -> lines.add("#\t" + k + "\t" + v));
    stages.forEach(s -> lines.add(s.tsv()));
    Files.write(tsv, lines);
  }

  private static AnalyticsOptions options(Path lake, String runId) {
    DatabaseSettings db = TestPostgres.migratedDatabase();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(AnalyticsOptions.DB_URL, db.url());
    env.put(AnalyticsOptions.DB_USER, db.user());
    env.put(AnalyticsOptions.DB_PASSWORD, db.password() == null ? "" : db.password());
    return AnalyticsOptions.parse(
        new String[] {"--lake", lake.toString(), "--run-id", runId},
        env,
        Runtime.getRuntime().availableProcessors());
  }
}
