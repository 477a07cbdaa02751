package org.sentinela.analytics.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.sentinela.analytics.reporting.ReportingDatabase;

/**
 * The publication's peer: a raw PostgreSQL COPY of every row a run published (its anomalies,
 * baselines and seasonal factors), taken back out as CSV into memory under another run id, then
 * copied into the same tables (so the same indexes, checks, foreign keys and triggers) in one
 * transaction, as a run that is never published. For comparison with earlier figures it also copies
 * them into twin tables ({@code like … including all}: the same indexes and checks, but nothing
 * checks {@code run_id} against {@code runs}: no foreign key, no V13 trigger), as the peer did
 * before.
 */
final class RawCopy {

  /** Each table the publication COPYs into, with the columns it writes, in its COPY order. */
  static final Map<String, String> TABLES =
      Map.of(
          "anomalies",
          "run_id, anomaly_id, detector, natural_key, contract_number, superior_organ_code,"
              + " superior_organ_name, organ_code, organ_name, unit_code, unit_name, buyer_uf,"
              + " buyer_municipality_ibge, supplier_id, supplier_kind, supplier_name, modality,"
              + " object_text, signature_date, publication_date, initial_value, final_value,"
              + " score, p_value, q_value, severity, threshold, threshold_version, evidence,"
              + " explanation",
          "baselines",
          "run_id, level, segment_key, buyer_uf, modality, superior_organ_code, contracts,"
              + " median_log_value, mad_log_value, p01_log_value, p25_log_value, p75_log_value,"
              + " p99_log_value",
          "seasonal_factors",
          "run_id, level, segment_key, month, observations, years, median, raw_factor, weight,"
              + " factor, anchor_level");

  /** A run's published rows as COPY CSV, per table. */
  record Rows(Map<String, byte[]> csvByTable) {
    long bytes() {
      return csvByTable.values().stream().mapToLong(csv -> csv.length).sum();
    }
  }

  private final ReportingDatabase database;

  RawCopy(ReportingDatabase database) {
    this.database = database;
  }

  /** The run's published rows of every table, as COPY CSV, with {@code peerRunId} as run id. */
  Rows publishedRows(String runId, String peerRunId) throws SQLException, IOException {
    Map<String, byte[]> csvByTable = new LinkedHashMap<>();
    try (Connection c = database.connect()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (Map.Entry<String, String> table : TABLES.entrySet()) {
        ByteArrayOutputStream csv = new ByteArrayOutputStream(1 << 20);
        copy.copyOut(
            "copy (select "
                + quote(peerRunId)
                + table.getValue().substring("run_id".length())
                + " from "
                + table.getKey()
                + " where run_id = "
                + quote(runId)
                + ") to stdout with (format csv)",
            csv);
        csvByTable.put(table.getKey(), csv.toByteArray());
      }
    }
    return new Rows(csvByTable);
  }

  /**
   * In one transaction, creates the run {@code peerRunId} (never published, so no view shows it)
   * and COPYs {@code rows} into the tables; returns the rows copied.
   */
  long copyIntoTables(String peerRunId, Rows rows) throws SQLException, IOException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "insert into runs (run_id, started_at, status) values ("
                + quote(peerRunId)
                + ", now(), 'RUNNING')");
      }
      long copied = copyAll(c, rows, "");
      c.commit();
      return copied;
    }
  }

  /** Creates the empty twin tables, {@code <table>_raw_copy}, with no check against runs. */
  void createTwins() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      for (String table : TABLES.keySet()) {
        s.execute("drop table if exists " + table + "_raw_copy");
        s.execute("create table " + table + "_raw_copy (like " + table + " including all)");
      }
    }
  }

  /** COPYs {@code rows} into the twin tables in one transaction; returns the rows copied. */
  long copyIntoTwins(Rows rows) throws SQLException, IOException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      long copied = copyAll(c, rows, "_raw_copy");
      c.commit();
      return copied;
    }
  }

  /** COPYs each table's rows into {@code <table><tableSuffix>} on {@code c}; returns the rows. */
  private static long copyAll(Connection c, Rows rows, String tableSuffix)
      throws SQLException, IOException {
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    long copied = 0;
    for (Map.Entry<String, byte[]> table : rows.csvByTable().entrySet()) {
      copied +=
          copy.copyIn(
              "copy "
                  + table.getKey()
                  + tableSuffix
                  + " ("
                  + TABLES.get(table.getKey())
                  + ") from stdin with (format csv)",
              new ByteArrayInputStream(table.getValue()));
    }
    return copied;
  }

  private static String quote(String literal) {
    return "'" + literal.replace("'", "''") + "'";
  }
}
