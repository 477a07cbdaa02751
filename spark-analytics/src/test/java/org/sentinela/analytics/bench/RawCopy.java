package org.sentinela.analytics.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.sentinela.analytics.reporting.ReportingDatabase;

/**
 * The publication's peer: a raw PostgreSQL COPY of the rows a run published, taken back out of
 * {@code anomalies} as CSV into memory, then copied into a twin table (same columns, defaults,
 * constraints and indexes) in one transaction.
 */
final class RawCopy {

  /** The columns the publication writes, in its COPY order. */
  static final String COLUMNS =
      "run_id, anomaly_id, detector, natural_key, contract_number, superior_organ_code,"
          + " superior_organ_name, organ_code, organ_name, unit_code, unit_name, buyer_uf,"
          + " buyer_municipality_ibge, supplier_id, supplier_kind, supplier_name, modality,"
          + " object_text, signature_date, publication_date, initial_value, final_value, score,"
          + " severity, threshold, threshold_version, evidence, explanation";

  private final ReportingDatabase database;

  RawCopy(ReportingDatabase database) {
    this.database = database;
  }

  /** The run's published anomaly rows as COPY CSV. */
  byte[] publishedRows(String runId) throws SQLException, IOException {
    try (Connection c = database.connect()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      ByteArrayOutputStream csv = new ByteArrayOutputStream(1 << 20);
      copy.copyOut(
          "copy (select "
              + COLUMNS
              + " from anomalies where run_id = '"
              + runId.replace("'", "''")
              + "') to stdout with (format csv)",
          csv);
      return csv.toByteArray();
    }
  }

  /** Creates the empty twin table {@code anomalies_raw_copy}. */
  void createTwin() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("drop table if exists anomalies_raw_copy");
      s.execute("create table anomalies_raw_copy (like anomalies including all)");
    }
  }

  /** COPYs {@code csv} into the twin table in one transaction; returns the rows copied. */
  long copyIntoTwin(byte[] csv) throws SQLException, IOException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      long rows =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "copy anomalies_raw_copy (" + COLUMNS + ") from stdin with (format csv)",
                  new ByteArrayInputStream(csv));
      c.commit();
      return rows;
    }
  }
}
