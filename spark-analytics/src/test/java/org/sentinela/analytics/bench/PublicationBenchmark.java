package org.sentinela.analytics.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.baseline.SegmentBaseline;
import org.sentinela.analytics.baseline.SegmentLevel;
import org.sentinela.analytics.detect.Anomaly;
import org.sentinela.analytics.detect.AnomalyIds;
import org.sentinela.analytics.detect.ContractDetails;
import org.sentinela.analytics.detect.Finding;
import org.sentinela.analytics.reporting.ReportingDatabase;
import org.sentinela.analytics.reporting.RunCounts;
import org.sentinela.analytics.reporting.RunPublisher;
import org.sentinela.analytics.significance.Severity;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/**
 * The publication alone against its raw COPY peers, repeated, without Spark: a night of the shape
 * given (by default the 1M-contract night's: 26 flags, 3,186 baselines, 26,840 seasonal factors)
 * published as a new run, published again (a re-run), then COPYed raw into the same tables and into
 * twin tables without foreign keys. Prints each repetition and the medians of all but the first (a
 * warm-up).
 *
 * <pre>
 * PublicationBenchmark [--flags 26] [--baselines 3186] [--seasonal-factors 26840] [--repeat 7]
 * </pre>
 */
public final class PublicationBenchmark {

  private static final RunCounts COUNTS = new RunCounts(1_000_000, 1_000_000, 962_812, 37_188);

  private PublicationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, Integer> options =
        new java.util.HashMap<>(
            Map.of("--flags", 26, "--baselines", 3186, "--seasonal-factors", 26840, "--repeat", 7));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!options.containsKey(args[i])) {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
      options.put(args[i], Integer.parseInt(args[i + 1]));
    }
    DatabaseSettings settings = TestPostgres.migratedDatabase();
    ReportingDatabase db =
        new ReportingDatabase(settings.url(), settings.user(), settings.password());
    Random random = new Random(42);
    List<Anomaly> flags = flags(options.get("--flags"));
    List<SegmentBaseline> baselines = baselines(options.get("--baselines"), random);
    List<SeasonalFactor> factors = seasonalFactors(options.get("--seasonal-factors"), random);
    Map<String, Long> hypotheses = Map.of("VALUE_OUTLIER", 962_812L);
    RunPublisher publisher = new RunPublisher(db);
    RawCopy raw = new RawCopy(db);
    List<double[]> measured = new ArrayList<>();
    for (int r = 0; r < options.get("--repeat"); r++) {
      String run = "publication-" + r;
      long t0 = System.nanoTime();
      publisher.publishRun(run, flags.iterator(), baselines, factors, COUNTS, hypotheses);
      long t1 = System.nanoTime();
      publisher.publishRun(run, flags.iterator(), baselines, factors, COUNTS, hypotheses);
      long t2 = System.nanoTime();
      RawCopy.Rows rows = raw.publishedRows(run, "raw-copy-" + r);
      raw.createTwins();
      long t3 = System.nanoTime();
      raw.copyIntoTables("raw-copy-" + r, rows);
      long t4 = System.nanoTime();
      raw.copyIntoTwins(rows);
      long t5 = System.nanoTime();
      double[] ms = {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6};
      System.out.printf(
          Locale.ROOT,
          "%d: publication %.0f ms, re-run %.0f ms, raw COPY into the tables %.0f ms (%.2f×),"
              + " into twins without foreign keys %.0f ms (%.2f×)%n",
          r,
          ms[0],
          ms[1],
          ms[2],
          ms[2] / ms[0],
          ms[3],
          ms[3] / ms[0]);
      if (r > 0) {
        measured.add(ms);
      }
    }
    double publication = median(measured, 0);
    System.out.printf(
        Locale.ROOT,
        "median of %d: publication %.0f ms, re-run %.0f ms; publication rate = %.2f× the raw COPY"
            + " into the tables, %.2f× the raw COPY into twins without foreign keys;"
            + " load average %s%n",
        measured.size(),
        publication,
        median(measured, 1),
        median(measured, 2) / publication,
        median(measured, 3) / publication,
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
    System.exit(0);
  }

  private static double median(List<double[]> measured, int column) {
    List<Double> values = new ArrayList<>();
    measured.forEach(m -> values.add(m[column]));
    Collections.sort(values);
    return values.get(values.size() / 2);
  }

  private static List<Anomaly> flags(int count) {
    List<Anomaly> flags = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = "153000|" + i + "/2022|12345678000195";
      flags.add(
          new Anomaly(
              new ContractDetails(
                  key,
                  i + "/2022",
                  "26000",
                  "Ministério da Educação",
                  "26101",
                  "INEP",
                  "153000",
                  "Unidade",
                  "RJ",
                  "3304557",
                  "12345678000195",
                  "CNPJ",
                  "Fornecedor",
                  "PREGAO",
                  "Aquisição de material",
                  LocalDate.of(2022, 1, 15),
                  LocalDate.of(2022, 1, 20),
                  new BigDecimal("1000000.0000"),
                  new BigDecimal("10000000000.0000")),
              new Finding(
                  AnomalyIds.of("VALUE_OUTLIER", key),
                  "VALUE_OUTLIER",
                  14.2,
                  1e-9,
                  new BigDecimal("3.5"),
                  1,
                  "{\"z\": 14.2, \"segment\": \"uf=RJ\"}",
                  "Final value R$ 10,000,000,000.00 is 14.2 robust deviations above the median."),
              1e-8,
              Severity.HIGH));
    }
    return flags;
  }

  private static List<SegmentBaseline> baselines(int count, Random random) {
    List<SegmentBaseline> baselines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      baselines.add(
          new SegmentBaseline(
              SegmentLevel.UF_MODALITY_ORGAN,
              "uf=SP|modality=PREGAO|organ=" + (26000 + i),
              "SP",
              "PREGAO",
              Integer.toString(26000 + i),
              100 + i,
              random.nextGaussian() * 3 + 9,
              random.nextDouble(),
              random.nextGaussian() + 5,
              random.nextGaussian() + 8,
              random.nextGaussian() + 10,
              random.nextGaussian() + 13));
    }
    return baselines;
  }

  private static List<SeasonalFactor> seasonalFactors(int count, Random random) {
    List<SeasonalFactor> factors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      factors.add(
          new SeasonalFactor(
              "UF_MODALITY_ORGAN",
              "uf=SP|modality=PREGAO|organ=" + (26000 + i / 12),
              1 + i % 12,
              50 + i % 77,
              3,
              random.nextGaussian() + 9,
              random.nextGaussian() * 0.3,
              random.nextDouble(),
              random.nextGaussian() * 0.2,
              i % 3 == 0 ? null : "UF_MODALITY"));
    }
    return factors;
  }
}
