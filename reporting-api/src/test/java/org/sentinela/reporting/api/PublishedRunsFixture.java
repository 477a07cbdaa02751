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
import java.util.function.Predicate;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/**
 * A reporting database with three runs: an older published run, the latest published run ({@link
 * #LATEST_RUN}, {@value #LATEST_COUNT} anomalies with tied scores, some with a CPF supplier) and a
 * newer run still running. One per test JVM.
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

  /** Largest value numeric(18,4) holds; more digits than a double keeps. */
  public static final String LARGE_VALUE = "99999999999999.9999";

  private static final String[] UFS = {"RJ", "SP", "BR", "MG", "BA"};

  /** The fixture's view of one anomaly of the latest run. */
  public record Row(
      String anomalyId,
      String detector,
      double score,
      String severity,
      String uf,
      String supplierId,
      String supplierKind) {}

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
      boolean cpf = i % 10 == 7;
      rows.add(
          new Row(
              anomalyId(i),
              i % 4 == 3 ? "SPLIT_CONTRACT" : "VALUE_OUTLIER",
              3.5 + step * 0.1,
              step < 15 ? "LOW" : step < 30 ? "MEDIUM" : "HIGH",
              UFS[i % UFS.length],
              cpf ? CPF : CNPJ,
              cpf ? "CPF" : "CNPJ"));
    }
    return rows;
  }

  private static void insert(DatabaseSettings db, List<Row> latest) throws SQLException {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      insertRun(c, OLD_RUN, OLD_PUBLISHED_AT.minusSeconds(4 * 3600), OLD_PUBLISHED_AT);
      insertRun(c, LATEST_RUN, LATEST_PUBLISHED_AT.minusSeconds(4 * 3600), LATEST_PUBLISHED_AT);
      insertRun(c, RUNNING_RUN, Instant.parse("2024-05-03T02:00:00Z"), null);

      List<Row> old = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        old.add(new Row(anomalyId(i), "VALUE_OUTLIER", 50.0, "HIGH", "RJ", CNPJ, "CNPJ"));
      }
      for (int i = 0; i < 10; i++) {
        old.add(
            new Row(
                String.format("gone-%04d", i), "VALUE_OUTLIER", 60.0, "HIGH", "RJ", CNPJ, "CNPJ"));
      }
      List<Row> running = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        running.add(new Row(anomalyId(i), "VALUE_OUTLIER", 99.0, "HIGH", "RJ", CNPJ, "CNPJ"));
        running.add(
            new Row(
                String.format("draft-%04d", i), "VALUE_OUTLIER", 99.0, "HIGH", "RJ", CNPJ, "CNPJ"));
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
      c.commit();
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
      s.setLong(6, 250_000);
      s.setLong(7, LATEST_COUNT);
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
                + " evidence, explanation)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?::jsonb, ?)")) {
      int n = 0;
      for (Row row : rows) {
        boolean cpf = row.supplierKind().equals("CPF");
        String unit = "15" + String.format("%04d", n % 50);
        String contract = String.format("%05d/2024", n + 1);
        int col = 1;
        s.setString(col++, runId);
        s.setString(col++, row.anomalyId());
        s.setString(col++, row.detector());
        s.setString(col++, unit + "|" + contract + "|" + row.supplierId());
        s.setString(col++, contract);
        s.setString(col++, "26000");
        s.setString(col++, "Ministério da Educação");
        s.setString(col++, "26232");
        s.setString(col++, "Universidade Federal do Rio de Janeiro");
        s.setString(col++, unit);
        s.setString(col++, "Pró-Reitoria de Planejamento");
        s.setString(col++, row.uf());
        s.setString(col++, row.uf().equals("BR") ? null : "3304557");
        s.setString(col++, row.supplierId());
        s.setString(col++, row.supplierKind());
        s.setString(col++, cpf ? "Maria Exemplo da Silva" : "Construtora Exemplo Ltda");
        s.setString(col++, "PREGAO");
        s.setString(col++, cpf ? "Serviços de consultoria por " + CPF_PUNCTUATED : "Reforma");
        s.setObject(col++, LocalDate.of(2024, 3, 1 + n % 28));
        if (n % 6 == 0) {
          s.setNull(col++, Types.DATE);
        } else {
          s.setObject(col++, LocalDate.of(2024, 3, 2 + n % 27));
        }
        s.setBigDecimal(col++, new BigDecimal("1234567.8900"));
        s.setBigDecimal(col++, new BigDecimal(n == 1 ? LARGE_VALUE : "2469135.7800"));
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
        s.addBatch();
        n++;
      }
      s.executeBatch();
    }
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
