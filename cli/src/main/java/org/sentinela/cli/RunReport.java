package org.sentinela.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sentinela.reporting.db.DatabaseSettings;

/** The {@code runs} report: recent runs, or one run's accounting per file, as text or JSON. */
final class RunReport {

  static final int RECENT_RUNS = 20;

  private static final String RUN_COLUMNS =
      "run_id, status, started_at, finished_at, published_at, input_dir, records_read,"
          + " records_accepted, records_quarantined, records_duplicate, contracts_analysed,"
          + " anomalies, error";

  private RunReport() {}

  /** Recent runs, newest first. */
  static List<Map<String, Object>> recent(DatabaseSettings db) {
    return query(
        db, "select " + RUN_COLUMNS + " from runs order by started_at desc limit " + RECENT_RUNS);
  }

  /** One run with its files and quarantine reasons, or null when there is no such run. */
  static Map<String, Object> one(DatabaseSettings db, String runId) {
    List<Map<String, Object>> runs =
        query(db, "select " + RUN_COLUMNS + " from runs where run_id = ?", runId);
    if (runs.isEmpty()) {
      return null;
    }
    Map<String, Object> run = runs.get(0);
    List<Map<String, Object>> files =
        query(
            db,
            "select file_name, source, status, records_read, records_accepted,"
                + " records_quarantined, records_duplicate, file_bytes, file_sha256, error"
                + " from run_files where run_id = ? order by file_name",
            runId);
    for (Map<String, Object> file : files) {
      Map<String, Object> reasons = new LinkedHashMap<>();
      for (Map<String, Object> r :
          query(
              db,
              "select reason, records from run_quarantine_reasons"
                  + " where run_id = ? and file_name = ? order by reason",
              runId,
              file.get("file_name"))) {
        reasons.put((String) r.get("reason"), r.get("records"));
      }
      file.put("quarantine_reasons", reasons);
    }
    run.put("files", files);
    return run;
  }

  static void printJson(Object value, PrintStream out) {
    try {
      out.println(
          new ObjectMapper()
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static void printRecent(List<Map<String, Object>> runs, PrintStream out) {
    out.printf(
        "%-26s %-9s %-20s %10s %10s %8s %8s %8s%n",
        "run", "status", "started", "read", "accepted", "quarant.", "dupl.", "flags");
    for (Map<String, Object> r : runs) {
      out.printf(
          "%-26s %-9s %-20.19s %10s %10s %8s %8s %8s%n",
          r.get("run_id"),
          r.get("status"),
          r.get("started_at"),
          shown(r.get("records_read")),
          shown(r.get("records_accepted")),
          shown(r.get("records_quarantined")),
          shown(r.get("records_duplicate")),
          shown(r.get("anomalies")));
    }
  }

  @SuppressWarnings("unchecked")
  static void printOne(Map<String, Object> run, PrintStream out) {
    out.printf(
        "Run %s: %s (started %s, finished %s, published %s)%n",
        run.get("run_id"),
        run.get("status"),
        run.get("started_at"),
        run.get("finished_at"),
        run.get("published_at"));
    out.printf(
        "  read %s = accepted %s + quarantined %s + duplicates %s; contracts analysed %s,"
            + " anomalies %s%n",
        shown(run.get("records_read")),
        shown(run.get("records_accepted")),
        shown(run.get("records_quarantined")),
        shown(run.get("records_duplicate")),
        shown(run.get("contracts_analysed")),
        shown(run.get("anomalies")));
    if (run.get("error") != null) {
      out.println("  error: " + run.get("error"));
    }
    for (Map<String, Object> f : (List<Map<String, Object>>) run.get("files")) {
      out.printf(
          "  %-9s %-40s read %s = accepted %s + quarantined %s + duplicates %s %s%s%n",
          f.get("status"),
          f.get("file_name"),
          f.get("records_read"),
          f.get("records_accepted"),
          f.get("records_quarantined"),
          f.get("records_duplicate"),
          ((Map<String, Object>) f.get("quarantine_reasons")).isEmpty()
              ? ""
              : f.get("quarantine_reasons"),
          f.get("error") == null ? "" : " — " + f.get("error"));
    }
  }

  /** A figure for the text report: "-" for one the run never reached. */
  private static Object shown(Object figure) {
    return figure == null ? "-" : figure;
  }

  private static List<Map<String, Object>> query(DatabaseSettings db, String sql, Object... args) {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            row.put(
                meta.getColumnLabel(i),
                value instanceof java.sql.Timestamp t ? t.toInstant().toString() : value);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the runs: " + e.getMessage(), e);
    }
  }
}
