package org.sentinela.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.sentinela.model.CpfText;
import org.sentinela.reporting.db.DatabaseSettings;

/**
 * Streams one published run's flags, most severe first ({@link #mostSevereFirst}), from the
 * reporting database to a {@link FlagWriter}. The run is resolved and its rows read in one
 * read-only snapshot, and rows are fetched {@value #FETCH_SIZE} at a time, so a night of millions
 * of flags needs no more memory than a thousand.
 */
final class FlagExport {

  /** The {@code --run} value that means the latest published run. */
  static final String LATEST = "latest";

  static final int FETCH_SIZE = 1000;

  /**
   * The order of flags everywhere the CLI lists them, most severe first: severity HIGH, MEDIUM,
   * LOW, then q-value ascending (the night's strongest evidence), then score descending and anomaly
   * id, so the order is the same every time. Columns are those of {@code anomalies} aliased {@code
   * alias}.
   */
  static String mostSevereFirst(String alias) {
    String a = alias + ".";
    return "case "
        + a
        + "severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, "
        + a
        + "q_value nulls last, "
        + a
        + "score desc, "
        + a
        + "anomaly_id";
  }

  private static final String FLAGS =
      "select a.anomaly_id, a.run_id, a.detector, a.severity, a.score, a.p_value, a.q_value,"
          + " a.contract_number, a.unit_code, a.unit_name, a.buyer_uf, a.supplier_id,"
          + " a.supplier_kind, a.supplier_name, a.modality, a.object_text, a.signature_date,"
          + " a.initial_value, a.final_value, h.first_seen_at, a.explanation"
          + " from anomalies a left join anomaly_history h on h.anomaly_id = a.anomaly_id"
          + " where a.run_id = ? order by "
          + mostSevereFirst("a");

  private FlagExport() {}

  /**
   * Writes the flags of {@code requestedRun} ({@link #LATEST} or a run id) and returns how many.
   * Nothing is written when the run cannot be exported.
   *
   * @throws IllegalArgumentException when no run has that id, the run is not published, or nothing
   *     is published yet
   */
  static long export(DatabaseSettings db, String requestedRun, FlagWriter writer) {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String runId = resolve(c, requestedRun);
      long flags = 0;
      try (PreparedStatement s = c.prepareStatement(FLAGS)) {
        s.setFetchSize(FETCH_SIZE);
        s.setString(1, runId);
        try (ResultSet rs = s.executeQuery()) {
          writer.begin();
          while (rs.next()) {
            writer.write(flag(rs));
            flags++;
          }
          writer.end();
        }
      }
      c.commit();
      return flags;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the flags: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the flags", e);
    }
  }

  /** The id of the run to export, checked to exist and be published. */
  private static String resolve(Connection c, String requested) throws SQLException {
    if (LATEST.equals(requested)) {
      try (PreparedStatement s = c.prepareStatement("select run_id from latest_published_run");
          ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no run is published yet, so there are no flags");
        }
        return rs.getString(1);
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("select status, published_at from runs where run_id = ?")) {
      s.setString(1, requested);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException(
              "no run '" + requested + "' (scripts/sentinela runs lists them)");
        }
        if (rs.getObject("published_at") == null) {
          throw new IllegalArgumentException(
              "run '" + requested + "' is " + rs.getString("status") + " and was never published");
        }
        return requested;
      }
    }
  }

  private static ExportedFlag flag(ResultSet rs) throws SQLException {
    String supplierId = rs.getString("supplier_id");
    String supplierKind = rs.getString("supplier_kind");
    CpfText cpf = CpfText.forSupplier(supplierId, supplierKind);
    OffsetDateTime firstSeen = rs.getObject("first_seen_at", OffsetDateTime.class);
    return new ExportedFlag(
        rs.getString("anomaly_id"),
        rs.getString("run_id"),
        rs.getString("detector"),
        rs.getString("severity"),
        rs.getDouble("score"),
        nullableDouble(rs, "p_value"),
        nullableDouble(rs, "q_value"),
        rs.getString("contract_number"),
        rs.getString("unit_code"),
        rs.getString("unit_name"),
        rs.getString("buyer_uf"),
        CpfText.publicId(supplierId, supplierKind),
        supplierKind,
        cpf.redact(rs.getString("supplier_name")),
        rs.getString("modality"),
        cpf.redact(rs.getString("object_text")),
        rs.getObject("signature_date", LocalDate.class),
        rs.getBigDecimal("initial_value"),
        rs.getBigDecimal("final_value"),
        firstSeen == null ? null : firstSeen.toInstant(),
        cpf.redact(rs.getString("explanation")));
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
