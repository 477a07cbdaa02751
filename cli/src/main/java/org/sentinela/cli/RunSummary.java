package org.sentinela.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.Locale;
import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;
import org.sentinela.reporting.db.DatabaseSettings;

/** Prints a run's summary from the reporting database: accounting, flags by detector, top 10. */
final class RunSummary {

  private static final int TOP = 10;

  private RunSummary() {}

  static void print(DatabaseSettings db, String runId, PrintStream out) {
    try (Connection c = db.connect()) {
      printAccounting(c, runId, out);
      printFiles(c, runId, out);
      printByDetector(c, runId, out);
      printTop(c, runId, out);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the summary of run " + runId, e);
    }
  }

  private static void printAccounting(Connection c, String runId, PrintStream out)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select status, records_read, records_accepted, records_quarantined,"
                + " records_duplicate, contracts_analysed, anomalies, published_at"
                + " from runs where run_id = ?")) {
      s.setString(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no run " + runId);
        }
        out.printf("%nRun %s: %s, published %s%n", runId, rs.getString(1), rs.getObject(8));
        out.printf(
            "  records read %,d = accepted %,d + quarantined %,d + duplicates %,d%n",
            rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        out.printf("  contracts analysed %,d, anomalies %,d%n", rs.getLong(6), rs.getLong(7));
      }
    }
  }

  private static void printFiles(Connection c, String runId, PrintStream out) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select file_name, status, error from run_files"
                + " where run_id = ? and status <> 'INGESTED' order by file_name")) {
      s.setString(1, runId);
      int unchanged = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2).equals("UNCHANGED")) {
            unchanged++;
          } else {
            out.printf("  %s %s: %s%n", rs.getString(2), rs.getString(1), rs.getString(3));
          }
        }
      }
      if (unchanged > 0) {
        out.printf(
            "  %d file(s) unchanged since an earlier night: not read again, kept in the lake%n",
            unchanged);
      }
    }
  }

  private static void printByDetector(Connection c, String runId, PrintStream out)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select detector, count(*), count(*) filter (where severity = 'HIGH')"
                + " from anomalies where run_id = ? group by detector order by detector")) {
      s.setString(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        out.println("Anomalies by detector:");
        while (rs.next()) {
          out.printf("  %-22s %,6d (%,d high)%n", rs.getString(1), rs.getLong(2), rs.getLong(3));
        }
      }
    }
  }

  private static void printTop(Connection c, String runId, PrintStream out) throws SQLException {
    NumberFormat reais = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("pt-BR"));
    try (PreparedStatement s =
        c.prepareStatement(
            "select score, severity, detector, contract_number, unit_name, buyer_uf,"
                + " supplier_kind, supplier_id, supplier_name, coalesce(final_value,"
                + " initial_value), explanation from anomalies a where run_id = ?"
                + " order by "
                + FlagExport.mostSevereFirst("a")
                + " limit "
                + TOP)) {
      s.setString(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        out.printf("Top %d:%n", TOP);
        int rank = 0;
        while (rs.next()) {
          String supplier =
              SupplierKind.valueOf(rs.getString(7)) == SupplierKind.CPF
                  ? SupplierId.maskCpf(rs.getString(8))
                  : rs.getString(8);
          BigDecimal value = rs.getBigDecimal(10);
          out.printf(
              "%3d. %6.1f %-6s %s  contract %s, %s (%s), supplier %s %s, %s%n      %s%n",
              ++rank,
              rs.getDouble(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              supplier,
              rs.getString(9) == null ? "" : rs.getString(9),
              value == null ? "no value" : reais.format(value),
              rs.getString(11));
        }
      }
    }
  }
}
