package org.sentinela.analytics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.sentinela.model.ContractSchema.INGEST_RUN_ID;
import static org.sentinela.model.ContractSchema.SIGN_MONTH;
import static org.sentinela.model.ContractSchema.SIGN_YEAR;
import static org.sentinela.model.ContractSchema.SOURCE_FILE;
import static org.sentinela.model.ContractSchema.SOURCE_RECORD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
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
import org.sentinela.analytics.detect.DetectorThreshold;
import org.sentinela.analytics.detect.Detectors;
import org.sentinela.analytics.detect.HypothesisTally;
import org.sentinela.analytics.detect.SupplierConcentrationStage;
import org.sentinela.analytics.detect.TemporalSpikeDetector;
import org.sentinela.analytics.detect.TemporalSpikes;
import org.sentinela.analytics.detect.UnitYearFindings;
import org.sentinela.analytics.lake.ContractSnapshot;
import org.sentinela.analytics.lake.CurrentVersions;
import org.sentinela.analytics.lake.ResultSnapshots;
import org.sentinela.analytics.legal.LegalLimits;
import org.sentinela.analytics.reporting.Publication;
import org.sentinela.analytics.reporting.ReportingDatabase;
import org.sentinela.analytics.reporting.RunCounts;
import org.sentinela.analytics.reporting.RunPublisher;
import org.sentinela.analytics.significance.SignificanceStage;
import org.sentinela.model.LakeLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One night's analysis, its inputs checked: the lake snapshot to read, the detectors as their
 * current thresholds (and the legal limits) configure them, and the database to publish to.
 *
 * @param runId the run the results belong to
 * @param lake the lake folder, where the baselines and seasonal factors are written too
 * @param snapshot the contracts snapshot folder {@code CURRENT} names
 * @param detectors the detectors
 * @param database the reporting database
 */
public record NightlyRun(
    String runId, Path lake, Path snapshot, Detectors detectors, ReportingDatabase database) {

  /** The oldest reporting schema (Flyway major version) this job can publish to. */
  public static final int REQUIRED_SCHEMA_VERSION = 14;

  private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

  public NightlyRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(lake, "lake");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(detectors, "detectors");
    Objects.requireNonNull(database, "database");
  }

  /**
   * Checks everything that can be checked before Spark starts: the database is reachable and
   * migrated, every detector has a valid threshold, the legal limits are consistent, the lake has a
   * contracts snapshot.
   *
   * @throws AnalysisFailure saying what is wrong and how to fix it
   */
  public static NightlyRun prepare(AnalyticsOptions options) {
    ReportingDatabase database = options.database();
    requireMigrated(database);
    Detectors detectors = configureDetectors(database);
    Path snapshot = currentSnapshot(options.lake());
    return new NightlyRun(options.runId(), options.lake(), snapshot, detectors, database);
  }

  /** Runs the pipeline on {@code spark} and publishes the results. */
  public AnalysisSummary analyse(SparkSession spark) {
    long started = System.nanoTime();
    log.info("Run {}: reading contracts snapshot {}", runId, snapshot);
    Dataset<Row> versions = ContractSnapshot.load(spark, snapshot);
    long inSnapshot = versions.count();
    Dataset<Row> valued = currentContracts(versions).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> baselines = null;
    Dataset<Row> anomalies = null;
    Dataset<Row> significant = null;
    try {
      Row tally = valued.agg(count(lit(1)), count(col(ScoringValues.LOG_VALUE))).first();
      RunCounts counts =
          new RunCounts(
              inSnapshot, tally.getLong(0), tally.getLong(1), tally.getLong(0) - tally.getLong(1));
      log.info(
          "Run {}: {} record versions, {} current contracts, {} scored, {} without a positive value",
          runId,
          counts.contractsInSnapshot(),
          counts.contractsCurrent(),
          counts.contractsScored(),
          counts.contractsUnscored());

      baselines = SegmentBaselines.compute(valued).persist(StorageLevel.MEMORY_AND_DISK());
      List<SegmentBaseline> segmentBaselines =
          baselines.collectAsList().stream().map(SegmentBaselines::toBaseline).toList();
      log.info("Run {}: {} segment baselines", runId, segmentBaselines.size());
      SeasonalFactors seasonal = SeasonalStats.factors(valued, segmentBaselines);
      TemporalSpikes.Result spikes = TemporalSpikes.detect(valued, detectors.temporalSpike());
      List<SeasonalFactor> factors = new ArrayList<>(seasonal.all());
      factors.addAll(spikes.seasonalFactors().all());
      ResultSnapshots.write(lake, runId, baselines, factors);
      log.info("Run {}: {} seasonal factors, written to the lake", runId, factors.size());

      HypothesisTally contractTally = HypothesisTally.of(valued, detectors);
      Map<String, Long> tested = new TreeMap<>(contractTally.tested());
      tested.put(TemporalSpikeDetector.NAME, spikes.tested());
      Detectors tonight =
          detectors.forTonight(seasonal, segmentBaselines, contractTally.amendmentReference());
      log.info(
          "Run {}: VALUE_OUTLIER weighs each parent's spread as k contracts: {}",
          runId,
          tonight.valueOutlier().parentWeights());
      Dataset<Row> perContract =
          AnomalyStage.detect(SegmentProfiles.attach(valued, baselines), tonight.perContract());
      Dataset<Row> perGroup =
          ContractGroups.detect(ContractGroups.candidates(valued), tonight.perGroup());
      // the unit-level detectors test and collect on the driver now: a few rows each
      UnitYearFindings bunching = BunchingStage.detect(valued, tonight.bunching());
      UnitYearFindings concentration =
          SupplierConcentrationStage.detect(valued, tonight.supplierConcentration());
      tested.put(bunching.detector(), bunching.hypotheses());
      tested.put(concentration.detector(), concentration.hypotheses());
      anomalies =
          perContract
              .unionByName(perGroup)
              .unionByName(bunching.anomalies())
              .unionByName(concentration.anomalies())
              .unionByName(spikes.anomalies())
              .persist(StorageLevel.MEMORY_AND_DISK());
      Map<String, Long> hypotheses = hypotheses(tested, foundByDetector(anomalies));
      long m = hypotheses.values().stream().mapToLong(Long::longValue).sum();
      significant = SignificanceStage.adjust(anomalies, m).persist(StorageLevel.MEMORY_AND_DISK());
      long found = significant.count(); // computed and cached before the transaction opens
      log.info(
          "Run {}: {} anomalies found among {} hypotheses {}; publishing",
          runId,
          found,
          m,
          hypotheses);

      Publication publication =
          publish(
              mapped(significant.toLocalIterator()), segmentBaselines, factors, counts, hypotheses);
      double seconds = (System.nanoTime() - started) / 1e9;
      return new AnalysisSummary(runId, counts, publication.anomaliesByDetector(), seconds);
    } finally {
      if (significant != null) {
        significant.unpersist();
      }
      if (anomalies != null) {
        anomalies.unpersist();
      }
      if (baselines != null) {
        baselines.unpersist();
      }
      valued.unpersist();
    }
  }

  /** Columns only the choice of the current version reads, dropped before the contracts cache. */
  static final List<String> VERSION_ONLY_COLUMNS =
      List.of(SOURCE_FILE, SOURCE_RECORD, INGEST_RUN_ID, SIGN_YEAR, SIGN_MONTH);

  /**
   * What every stage reads: the current version of each contract with its scoring value, without
   * the {@link #VERSION_ONLY_COLUMNS} (a narrower cache).
   */
  public static Dataset<Row> currentContracts(Dataset<Row> versions) {
    return ScoringValues.withValueUsed(CurrentVersions.latestPerContract(versions))
        .drop(VERSION_ONLY_COLUMNS.toArray(String[]::new));
  }

  /** Findings per detector, from the cached anomaly rows. */
  public static Map<String, Long> foundByDetector(Dataset<Row> anomalies) {
    Map<String, Long> found = new HashMap<>();
    for (Row row : anomalies.groupBy(AnomalyStage.DETECTOR).count().collectAsList()) {
      found.put(row.getString(0), row.getLong(1));
    }
    return found;
  }

  /**
   * Hypotheses per detector: those each tested, never fewer than it flagged (a detector whose
   * {@code tests} missed a contract it flagged is logged, and its m raised so q stays ≥ p).
   */
  public static Map<String, Long> hypotheses(Map<String, Long> tested, Map<String, Long> found) {
    Map<String, Long> m = new TreeMap<>(tested);
    found.forEach(
        (detector, flagged) -> {
          long counted = m.getOrDefault(detector, 0L);
          if (flagged > counted) {
            log.warn(
                "{} flagged {} contracts but counted only {} tested; using {}",
                detector,
                flagged,
                counted,
                flagged);
            m.put(detector, flagged);
          }
        });
    return m;
  }

  private Publication publish(
      Iterator<Anomaly> anomalies,
      List<SegmentBaseline> baselines,
      List<SeasonalFactor> seasonalFactors,
      RunCounts counts,
      Map<String, Long> hypotheses) {
    try {
      return new RunPublisher(database)
          .publishRun(runId, anomalies, baselines, seasonalFactors, counts, hypotheses);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot publish run " + runId + " to " + database.url() + ": " + e.getMessage(), e);
    }
  }

  /** Flags handed to the driver per this many, one Spark job each: a few jobs, bounded memory. */
  static final long FLAGS_PER_PUBLICATION_JOB = 100_000;

  /**
   * The night's flags for the publisher, streamed to the driver a partition at a time. The cached
   * flags sit in the shuffle's many small partitions after the q-value sort, and {@code
   * toLocalIterator} runs one Spark job per partition (hundreds of jobs for a few hundred flags):
   * they are coalesced first to one partition per {@link #FLAGS_PER_PUBLICATION_JOB} flags.
   *
   * @param significant the cached flags with their q-values
   * @param found how many there are
   */
  public static Iterator<Anomaly> flagsForPublication(Dataset<Row> significant, long found) {
    int partitions = (int) Math.max(1, Math.ceil(found / (double) FLAGS_PER_PUBLICATION_JOB));
    return mapped(significant.coalesce(partitions).toLocalIterator());
  }

  private static Iterator<Anomaly> mapped(Iterator<Row> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Anomaly next() {
        return AnomalyStage.toAnomaly(rows.next());
      }
    };
  }

  private static void requireMigrated(ReportingDatabase database) {
    OptionalInt version;
    try {
      version = database.schemaVersion();
    } catch (SQLException e) {
      throw new AnalysisFailure(
          "cannot read the reporting database "
              + database.url()
              + " as "
              + database.user()
              + ": "
              + e.getMessage(),
          e);
    }
    if (version.isEmpty() || version.getAsInt() < REQUIRED_SCHEMA_VERSION) {
      throw new AnalysisFailure(
          "the reporting database "
              + database.url()
              + " is not migrated (schema version "
              + (version.isEmpty() ? "none" : Integer.toString(version.getAsInt()))
              + ", this job needs "
              + REQUIRED_SCHEMA_VERSION
              + " or later): run `scripts/sentinela migrate`");
    }
  }

  private static Detectors configureDetectors(ReportingDatabase database) {
    LegalLimits limits;
    Map<String, DetectorThreshold> thresholds = new HashMap<>();
    try {
      limits = database.legalLimits();
      for (String name : Detectors.NAMES) {
        thresholds.put(
            name,
            database
                .currentThreshold(name)
                .orElseThrow(
                    () ->
                        new AnalysisFailure(
                            "current_detector_thresholds in "
                                + database.url()
                                + " has no "
                                + name
                                + " row; add one to detector_thresholds")));
      }
    } catch (SQLException e) {
      throw new AnalysisFailure(
          "cannot read current_detector_thresholds and legal_limits in "
              + database.url()
              + ": "
              + e.getMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw new AnalysisFailure(e.getMessage(), e);
    }
    try {
      return Detectors.configure(thresholds::get, limits);
    } catch (IllegalArgumentException e) {
      throw new AnalysisFailure(e.getMessage(), e);
    }
  }

  /** The snapshot {@code LAKE/contracts/CURRENT} names, checked to exist and hold Parquet files. */
  static Path currentSnapshot(Path lake) {
    if (!Files.isDirectory(lake)) {
      throw new AnalysisFailure("the lake folder " + lake + " does not exist");
    }
    Path pointer = LakeLayout.table(lake, LakeLayout.CONTRACTS).resolve(LakeLayout.CURRENT);
    Path snapshot =
        LakeLayout.currentSnapshot(lake, LakeLayout.CONTRACTS)
            .orElseThrow(
                () ->
                    new AnalysisFailure(
                        "no contracts snapshot in the lake "
                            + lake
                            + ": "
                            + pointer
                            + " is missing; run the ingest first"));
    if (!Files.isDirectory(snapshot)) {
      throw new AnalysisFailure(
          pointer + " names snapshot " + snapshot + ", but that folder does not exist");
    }
    try (Stream<Path> files = Files.walk(snapshot)) {
      if (files.noneMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
        throw new AnalysisFailure(
            "the contracts snapshot "
                + snapshot
                + " holds no contracts: no input file has been ingested yet (its files and their"
                + " status: `scripts/sentinela runs <run id>`)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the contracts snapshot " + snapshot, e);
    }
    return snapshot;
  }
}
