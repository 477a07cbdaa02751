package org.sentinela.reporting.api;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/**
 * A reporting database with three runs: an older published run (published before flags had p-values
 * and q-values), the latest published run ({@link #LATEST_RUN}, {@value #LATEST_COUNT} anomalies
 * with tied scores, some with a CPF supplier, each with a p-value and q-value) and a newer run
 * still running. One per test JVM.
 */
public final class PublishedRunsFixture {

  public static final String OLD_RUN = "run-2024-05-01";
  public static final String LATEST_RUN = "run-2024-05-02";
  public static final String RUNNING_RUN = "run-2024-05-03";
  public static final Instant OLD_PUBLISHED_AT = Instant.parse("2024-05-01T06:00:00Z");
  public static final Instant LATEST_PUBLISHED_AT = Instant.parse("2024-05-02T06:00:00Z");
  public static final int LATEST_COUNT = 120;

  /** A synthetic CPF with valid check digits; never a real person's. */
  public static final String CPF = "12345678909";

  public static final String CPF_PUNCTUATED = "123.456.789-09";
  public static final String CPF_MASKED = "***.456.789-**";
  public static final String CNPJ = "11222333000181";

  /** A second synthetic CNPJ with valid check digits. */
  public static final String CNPJ_2 = "11444777000161";

  /** Largest value numeric(18,4) holds; more digits than a double keeps. */
  public static final String LARGE_VALUE = "99999999999999.9999";

  private static final String[] UFS = {"RJ", "SP", "BR", "MG", "BA"};

  /** Capitals of the fixture's UFs (IBGE codes); BR buyers have none. */
  public static final Map<String, String> MUNICIPALITIES =
      Map.of("RJ", "3304557", "SP", "3550308", "MG", "3106200", "BA", "2927408");

  /** A run that failed before publishing anything. */
  public static final String FAILED_RUN = "run-2024-04-30";

  /** The input files recorded for the latest run. */
  public static final String MARCH_FILE = "202403_Compras.csv";

  public static final String FEBRUARY_FILE = "202402_Compras.csv";
  public static final String IGNORED_FILE = "leia-me.txt";

  /**
   * The fixture's view of one anomaly. {@code contract} numbers the flagged contract: it gives the
   * unit, contract number, dates and value. Two anomalies of the latest run share a contract (a
   * contract flagged by two detectors).
   */
  public record Row(
      String anomalyId,
      String detector,
      double score,
      String severity,
      String uf,
      String supplierId,
      String supplierKind,
      int contract) {

    /** The buyer unit (UG) code: 50 units, {@code 150000}..{@code 150049}. */
    public String unitCode() {
      return "15" + String.format("%04d", contract % 50);
    }

    public String contractNumber() {
      return String.format("%05d/2024", contract + 1);
    }

    public String naturalKey() {
      return unitCode() + "|" + contractNumber() + "|" + supplierId;
    }

    /** The IBGE code of the UF's capital; {@code null} for a national (BR) buyer. */
    public String municipality() {
      return MUNICIPALITIES.get(uf);
    }

    /** Contracts 0..27 signed in March 2024, the next 28 in February, and so on back. */
    public LocalDate signatureDate() {
      return LocalDate.of(2024, 3, 1 + contract % 28).minusMonths(contract / 28);
    }

    public LocalDate publicationDate() {
      return contract % 6 == 0
          ? null
          : LocalDate.of(2024, 3, 2 + contract % 27).minusMonths(contract / 28);
    }

    /** The flag's p-value in the latest run: e^-score, from about 0.03 down to 0.0006. */
    public double pValue() {
      return Math.exp(-score);
    }

    /** The flag's q-value in the latest run: four times its p-value (at most 1). */
    public double qValue() {
      return Math.min(1.0, 4 * pValue());
    }

    public BigDecimal finalValue() {
      return contract == 1
          ? new BigDecimal(LARGE_VALUE)
          : new BigDecimal("2469135.7800").add(BigDecimal.valueOf(contract * 1000L));
    }
  }

  private static PublishedRunsFixture shared;

  private final DatabaseSettings db;
  private final List<Row> latest;

  private PublishedRunsFixture(DatabaseSettings db, List<Row> latest) {
    this.db = db;
    this.latest = latest;
  }

  /** The fixture database, created and filled on first use. */
  public static synchronized PublishedRunsFixture shared() {
    if (shared == null) {
      DatabaseSettings db = TestPostgres.migratedDatabase();
      List<Row> latest = latestRows();
      try {
        insert(db, latest);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot load the fixture", e);
      }
      shared = new PublishedRunsFixture(db, latest);
    }
    return shared;
  }

  public DatabaseSettings db() {
    return db;
  }

  /** The latest run's anomalies, in insertion order. */
  public List<Row> latest() {
    return latest;
  }

  /** The latest run's anomalies matching {@code filter}, in the API's order. */
  public List<Row> latestInApiOrder(Predicate<Row> filter) {
    return latest.stream()
        .filter(filter)
        .sorted(Comparator.comparingDouble(Row::score).reversed().thenComparing(Row::anomalyId))
        .toList();
  }

  /** Number of rows in the anomalies table (all runs). */
  public long anomalyRowCount() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        var rs = s.executeQuery("select count(*) from anomalies")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public static String anomalyId(int i) {
    return String.format("an-%04d", i);
  }

  private static List<Row> latestRows() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < LATEST_COUNT; i++) {
      int step = i % 40;
      boolean sharesContract = step == 3;
      int contract = sharesContract ? i - 1 : i;
      String supplier = supplierOf(contract);
      rows.add(
          new Row(
              anomalyId(i),
              i % 4 == 3 ? "SPLIT_CONTRACT" : "VALUE_OUTLIER",
              3.5 + step * 0.1,
              step < 15 ? "LOW" : step < 30 ? "MEDIUM" : "HIGH",
              UFS[contract % UFS.length],
              supplier,
              supplier.equals(CPF) ? "CPF" : "CNPJ",
              contract));
    }
    return rows;
  }

  /** Contracts 7, 17, 27, … go to a person (CPF), 3, 13, 23, … to the second company. */
  private static String supplierOf(int contract) {
    return switch (contract % 10) {
      case 7 -> CPF;
      case 3 -> CNPJ_2;
      default -> CNPJ;
    };
  }

  private static void insert(DatabaseSettings db, List<Row> latest) throws SQLException {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      insertRun(c, OLD_RUN, OLD_PUBLISHED_AT.minusSeconds(4 * 3600), OLD_PUBLISHED_AT);
      insertRun(c, LATEST_RUN, LATEST_PUBLISHED_AT.minusSeconds(4 * 3600), LATEST_PUBLISHED_AT);
      insertRun(c, RUNNING_RUN, Instant.parse("2024-05-03T02:00:00Z"), null);
      insertFailedRun(c);
      insertLatestRunAccounting(c);
      insertBaselines(c, OLD_RUN, 0.0);
      insertBaselines(c, LATEST_RUN, 0.1);
      insertBaselines(c, RUNNING_RUN, 0.2);
      insertSeasonalFactors(c, OLD_RUN, 0.0);
      insertSeasonalFactors(c, LATEST_RUN, 0.1);

      List<Row> old = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        old.add(new Row(anomalyId(i), "VALUE_OUTLIER", 50.0, "HIGH", "RJ", CNPJ, "CNPJ", i));
      }
      for (int i = 0; i < 10; i++) {
        old.add(
            new Row(
                String.format("gone-%04d", i),
                "VALUE_OUTLIER",
                60.0,
                "HIGH",
                "RJ",
                CNPJ,
                "CNPJ",
                20 + i));
      }
      List<Row> running = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        running.add(new Row(anomalyId(i), "VALUE_OUTLIER", 99.0, "HIGH", "RJ", CNPJ, "CNPJ", i));
        running.add(
            new Row(
                String.format("draft-%04d", i),
                "VALUE_OUTLIER",
                99.0,
                "HIGH",
                "RJ",
                CNPJ,
                "CNPJ",
                10 + i));
      }
      insertAnomalies(c, OLD_RUN, old);
      insertAnomalies(c, LATEST_RUN, latest);
      insertAnomalies(c, RUNNING_RUN, running);

      try (PreparedStatement history =
          c.prepareStatement(
              "insert into anomaly_history (anomaly_id, first_seen_run, first_seen_at,"
                  + " last_seen_run, last_seen_at) values (?, ?, ?, ?, ?)")) {
        for (Row row : latest) {
          boolean carriedOver = row.anomalyId().compareTo(anomalyId(20)) < 0;
          addHistory(
              history,
              row.anomalyId(),
              carriedOver ? OLD_RUN : LATEST_RUN,
              carriedOver ? OLD_PUBLISHED_AT : LATEST_PUBLISHED_AT,
              LATEST_RUN,
              LATEST_PUBLISHED_AT);
        }
        for (Row row : old) {
          if (row.anomalyId().startsWith("gone-")) {
            addHistory(
                history, row.anomalyId(), OLD_RUN, OLD_PUBLISHED_AT, OLD_RUN, OLD_PUBLISHED_AT);
          }
        }
        Instant draftSeen = Instant.parse("2024-05-03T06:00:00Z");
        for (Row row : running) {
          if (row.anomalyId().startsWith("draft-")) {
            addHistory(history, row.anomalyId(), RUNNING_RUN, draftSeen, RUNNING_RUN, draftSeen);
          }
        }
        history.executeBatch();
      }
      insertFeedback(c);
      c.commit();
    }
  }

  /** Analysts' verdicts on four flags of the latest run. */
  private static void insertFeedback(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "insert into feedback (anomaly_id, analyst, verdict, note) values"
              + " ('an-0039', 'ana', 'CONFIRMED', 'Preço 3x acima do praticado'),"
              + " ('an-0039', 'bruno', 'CONFIRMED', null),"
              + " ('an-0038', 'ana', 'DISMISSED', 'Aditivo de quantidade justificado'),"
              + " ('an-0079', 'bruno', 'EXPECTED', 'Obra de grande porte')");
    }
  }

  private static void insertRun(Connection c, String runId, Instant startedAt, Instant publishedAt)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into runs (run_id, started_at, finished_at, status, published_at,"
                + " contracts_analysed, anomalies) values (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, runId);
      s.setTimestamp(2, Timestamp.from(startedAt));
      s.setTimestamp(3, publishedAt == null ? null : Timestamp.from(publishedAt));
      s.setString(4, publishedAt == null ? "RUNNING" : "SUCCEEDED");
      s.setTimestamp(5, publishedAt == null ? null : Timestamp.from(publishedAt));
      s.setObject(6, publishedAt == null ? null : 250_000L, Types.BIGINT);
      s.setObject(7, publishedAt == null ? null : (long) LATEST_COUNT, Types.BIGINT);
      s.executeUpdate();
    }
  }

  private static void insertAnomalies(Connection c, String runId, List<Row> rows)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into anomalies (run_id, anomaly_id, detector, natural_key, contract_number,"
                + " superior_organ_code, superior_organ_name, organ_code, organ_name, unit_code,"
                + " unit_name, buyer_uf, buyer_municipality_ibge, supplier_id, supplier_kind,"
                + " supplier_name, modality, object_text, signature_date, publication_date,"
                + " initial_value, final_value, score, severity, threshold, threshold_version,"
                + " evidence, explanation, p_value, q_value)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
      for (Row row : rows) {
        boolean cpf = row.supplierKind().equals("CPF");
        int col = 1;
        s.setString(col++, runId);
        s.setString(col++, row.anomalyId());
        s.setString(col++, row.detector());
        s.setString(col++, row.naturalKey());
        s.setString(col++, row.contractNumber());
        s.setString(col++, "26000");
        s.setString(col++, "Ministério da Educação");
        s.setString(col++, "26232");
        s.setString(col++, "Universidade Federal do Rio de Janeiro");
        s.setString(col++, row.unitCode());
        s.setString(col++, "Pró-Reitoria de Planejamento");
        s.setString(col++, row.uf());
        s.setString(col++, row.municipality());
        s.setString(col++, row.supplierId());
        s.setString(col++, row.supplierKind());
        s.setString(
            col++,
            cpf
                ? "Maria Exemplo da Silva"
                : row.supplierId().equals(CNPJ)
                    ? "Construtora Exemplo Ltda"
                    : "Papelaria Modelo SA");
        s.setString(col++, "PREGAO");
        s.setString(col++, cpf ? "Serviços de consultoria por " + CPF_PUNCTUATED : "Reforma");
        s.setObject(col++, row.signatureDate());
        if (row.publicationDate() == null) {
          s.setNull(col++, Types.DATE);
        } else {
          s.setObject(col++, row.publicationDate());
        }
        s.setBigDecimal(col++, new BigDecimal("1234567.8900"));
        s.setBigDecimal(col++, row.finalValue());
        s.setDouble(col++, row.score());
        s.setString(col++, row.severity());
        s.setBigDecimal(col++, new BigDecimal("3.5"));
        s.setInt(col++, 1);
        s.setString(
            col++,
            "{\"robust_z\": "
                + row.score()
                + ", \"segment\": {\"level\": \"UF_MODALITY\", \"key\": \""
                + row.uf()
                + "|PREGAO\", \"contracts\": 412}"
                + (cpf ? ", \"supplier_id\": \"" + CPF + "\", \"supplier_cpf\": " + CPF : "")
                + "}");
        s.setString(
            col++,
            "Final value is "
                + row.score()
                + " robust deviations above the segment median"
                + (cpf ? "; supplier " + CPF_PUNCTUATED + " (" + CPF + ")" : "")
                + ".");
        if (runId.equals(LATEST_RUN)) {
          s.setDouble(col++, row.pValue());
          s.setDouble(col++, row.qValue());
        } else {
          s.setNull(col++, Types.DOUBLE);
          s.setNull(col++, Types.DOUBLE);
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void insertFailedRun(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into runs (run_id, started_at, finished_at, status, error)"
                + " values (?, ?, ?, 'FAILED', ?)")) {
      s.setString(1, FAILED_RUN);
      s.setTimestamp(2, Timestamp.from(Instant.parse("2024-04-30T02:00:00Z")));
      s.setTimestamp(3, Timestamp.from(Instant.parse("2024-04-30T02:05:00Z")));
      s.setString(4, "analytics failed (exit code 1); see logs/run-2024-04-30/analytics.log");
      s.executeUpdate();
    }
  }

  /** The latest run's files, quarantine reasons, totals and metrics; the files balance. */
  private static void insertLatestRunAccounting(Connection c) throws SQLException {
    try (PreparedStatement file =
            c.prepareStatement(
                "insert into run_files (run_id, file_name, source, file_sha256, file_bytes,"
                    + " records_read, records_accepted, records_quarantined, records_duplicate,"
                    + " status, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement reason =
            c.prepareStatement(
                "insert into run_quarantine_reasons (run_id, file_name, reason, records)"
                    + " values (?, ?, ?, ?)");
        PreparedStatement totals =
            c.prepareStatement(
                "update runs set records_read = 1500, records_accepted = 1445,"
                    + " records_quarantined = 45, records_duplicate = 10, input_dir = '/srv/inbox',"
                    + " metrics = ?::jsonb where run_id = ?")) {
      addFile(file, MARCH_FILE, "PORTAL_COMPRAS", "a1".repeat(32), 812_345L, 1000, 950, 40, 10);
      addFile(file, FEBRUARY_FILE, "PORTAL_COMPRAS", "b2".repeat(32), 401_002L, 500, 495, 5, 0);
      file.setString(1, LATEST_RUN);
      file.setString(2, IGNORED_FILE);
      file.setString(3, "UNKNOWN");
      file.setNull(4, Types.VARCHAR);
      file.setLong(5, 120L);
      for (int col = 6; col <= 9; col++) {
        file.setLong(col, 0);
      }
      file.setString(10, "IGNORED");
      file.setString(11, "not a Compras export (unknown file name)");
      file.executeUpdate();

      addReason(reason, MARCH_FILE, "INVALID_VALUE", 25);
      addReason(reason, MARCH_FILE, "INVALID_DATE", 15);
      addReason(reason, FEBRUARY_FILE, "INVALID_VALUE", 3);
      addReason(reason, FEBRUARY_FILE, "MISSING_UNIT_CODE", 2);
      reason.executeBatch();

      totals.setString(
          1,
          "{\"ingest\": {\"seconds\": 312.5, \"files\": 3},"
              + " \"analysis\": {\"contracts\": 250000,"
              + " \"detectors\": {\"VALUE_OUTLIER\": 90, \"SPLIT_CONTRACT\": 30}}}");
      totals.setString(2, LATEST_RUN);
      totals.executeUpdate();
    }
  }

  private static void addFile(
      PreparedStatement s,
      String name,
      String source,
      String sha256,
      long bytes,
      long read,
      long accepted,
      long quarantined,
      long duplicate)
      throws SQLException {
    s.setString(1, LATEST_RUN);
    s.setString(2, name);
    s.setString(3, source);
    s.setString(4, sha256);
    s.setLong(5, bytes);
    s.setLong(6, read);
    s.setLong(7, accepted);
    s.setLong(8, quarantined);
    s.setLong(9, duplicate);
    s.setString(10, "INGESTED");
    s.setNull(11, Types.VARCHAR);
    s.executeUpdate();
  }

  private static void addReason(PreparedStatement s, String file, String reason, long records)
      throws SQLException {
    s.setString(1, LATEST_RUN);
    s.setString(2, file);
    s.setString(3, reason);
    s.setLong(4, records);
    s.addBatch();
  }

  /**
   * {@value #BASELINES_PER_RUN} baselines per run at every level; each run's medians are {@code
   * shift} above the first run's, so a segment's history moves from night to night.
   */
  private static void insertBaselines(Connection c, String runId, double shift)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into baselines (run_id, level, segment_key, buyer_uf, modality,"
                + " superior_organ_code, contracts, median_log_value, mad_log_value,"
                + " p01_log_value, p25_log_value, p75_log_value, p99_log_value)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      addBaseline(s, runId, "NATIONAL", "national", null, null, null, 250_000, 11.5 + shift);
      for (String modality : new String[] {"PREGAO", "DISPENSA"}) {
        addBaseline(
            s,
            runId,
            "MODALITY",
            "modality=" + modality,
            null,
            modality,
            null,
            90_000,
            11.8 + shift);
        for (String macro : new String[] {"SE", "NE"}) {
          addBaseline(
              s,
              runId,
              "MACRO_MODALITY",
              "macro=" + macro + "|modality=" + modality,
              null,
              modality,
              null,
              20_000,
              11.6 + shift);
        }
        for (String uf : UFS) {
          addBaseline(
              s,
              runId,
              "UF_MODALITY",
              "uf=" + uf + "|modality=" + modality,
              uf,
              modality,
              null,
              412,
              12.0 + shift);
        }
      }
      for (String uf : UFS) {
        addBaseline(
            s,
            runId,
            "UF_MODALITY_ORGAN",
            "uf=" + uf + "|modality=PREGAO|organ=26000",
            uf,
            "PREGAO",
            "26000",
            95,
            12.2 + shift);
      }
      s.executeBatch();
    }
  }

  /**
   * The seasonal factor of {@code month} in a run whose factors are shifted by {@code shift} (0 in
   * the old run, 0.1 in the latest): December runs 1.8 times the median (ln 1.8 = 0.588).
   */
  public static double seasonalFactor(int month, double shift) {
    return shift + (month == 12 ? 0.588 : 0.01 * (month - 6));
  }

  /** The month a UF × modality segment has no seasonal factor for (no July contracts). */
  public static final int MONTH_WITHOUT_FACTOR = 7;

  /**
   * Seasonal factors of every month for the national segment, and of every month but {@link
   * #MONTH_WITHOUT_FACTOR} for each UF × modality segment.
   */
  private static void insertSeasonalFactors(Connection c, String runId, double shift)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into seasonal_factors (run_id, level, segment_key, month, observations,"
                + " years, median, raw_factor, weight, factor, anchor_level)"
                + " values (?, ?, ?, ?, ?, 3, ?, ?, ?, ?, ?)")) {
      List<String[]> segments = new ArrayList<>();
      segments.add(new String[] {"NATIONAL", "national"});
      for (String modality : new String[] {"PREGAO", "DISPENSA"}) {
        for (String uf : UFS) {
          segments.add(new String[] {"UF_MODALITY", "uf=" + uf + "|modality=" + modality});
        }
      }
      for (String[] segment : segments) {
        for (int month = 1; month <= 12; month++) {
          if (segment[0].equals("UF_MODALITY") && month == MONTH_WITHOUT_FACTOR) {
            continue;
          }
          double factor = seasonalFactor(month, shift);
          s.setString(1, runId);
          s.setString(2, segment[0]);
          s.setString(3, segment[1]);
          s.setInt(4, month);
          s.setLong(5, 100 + month);
          s.setDouble(6, 11.5 + factor);
          s.setDouble(7, factor * 1.1);
          s.setDouble(8, 0.8);
          s.setDouble(9, factor);
          s.setString(10, segment[0]);
          s.addBatch();
        }
      }
      s.executeBatch();
    }
  }

  /** Baselines per run: 1 national, 2 modality, 4 macro-region, 10 UF and 5 UF × organ. */
  public static final int BASELINES_PER_RUN = 22;

  private static void addBaseline(
      PreparedStatement s,
      String runId,
      String level,
      String key,
      String uf,
      String modality,
      String organ,
      long contracts,
      double median)
      throws SQLException {
    s.setString(1, runId);
    s.setString(2, level);
    s.setString(3, key);
    s.setString(4, uf);
    s.setString(5, modality);
    s.setString(6, organ);
    s.setLong(7, contracts);
    s.setDouble(8, median);
    s.setDouble(9, 0.8);
    s.setDouble(10, median - 4.0);
    s.setDouble(11, median - 0.9);
    s.setDouble(12, median + 0.9);
    s.setDouble(13, median + 4.0);
    s.addBatch();
  }

  private static void addHistory(
      PreparedStatement s,
      String anomalyId,
      String firstRun,
      Instant firstAt,
      String lastRun,
      Instant lastAt)
      throws SQLException {
    s.setString(1, anomalyId);
    s.setString(2, firstRun);
    s.setTimestamp(3, Timestamp.from(firstAt));
    s.setString(4, lastRun);
    s.setTimestamp(5, Timestamp.from(lastAt));
    s.addBatch();
  }
}
