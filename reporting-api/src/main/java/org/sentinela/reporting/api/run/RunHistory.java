package org.sentinela.reporting.api.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sentinela.reporting.api.paging.KeysetCursor;
import org.sentinela.reporting.api.run.RunDetail.QuarantineReason;
import org.sentinela.reporting.api.run.RunDetail.RunFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Read-only queries over {@code runs}, {@code run_files} and {@code run_quarantine_reasons}. */
@Repository
class RunHistory {

  private static final String SUMMARY_COLUMNS =
      "run_id, status, started_at, finished_at, published_at, records_read, records_accepted,"
          + " records_quarantined, records_duplicate, contracts_analysed, anomalies, error";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final TransactionTemplate snapshot;

  RunHistory(JdbcClient jdbc, ObjectMapper json, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.json = json;
    this.snapshot = new TransactionTemplate(transactionManager);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * Up to {@code limit} runs, newest first (by {@code started_at}, then {@code run_id}), after the
   * cursor's run when given.
   */
  RunPage page(Optional<String> cursor, int limit) {
    StringBuilder sql = new StringBuilder("select ").append(SUMMARY_COLUMNS).append(" from runs");
    Map<String, Object> params = new LinkedHashMap<>();
    if (cursor.isPresent()) {
      KeysetCursor after = KeysetCursor.decode(cursor.get(), 2);
      sql.append(" where (started_at, run_id) < (:afterStartedAt, :afterRunId)");
      params.put("afterStartedAt", startedAt(after, cursor.get()));
      params.put("afterRunId", after.after().get(1));
    }
    sql.append(" order by started_at desc, run_id desc limit :fetch");
    params.put("fetch", limit + 1);
    List<RunSummary> fetched =
        jdbc.sql(sql.toString()).params(params).query((rs, n) -> summary(rs)).list();
    if (fetched.size() <= limit) {
      return new RunPage(fetched, null);
    }
    List<RunSummary> items = List.copyOf(fetched.subList(0, limit));
    RunSummary last = items.get(limit - 1);
    String next =
        new KeysetCursor("", "", List.of(last.startedAt().toString(), last.runId())).encode();
    return new RunPage(items, next);
  }

  /** One run with its metrics, files and quarantine reasons, read in one snapshot. */
  Optional<RunDetail> find(String runId) {
    return snapshot.execute(status -> findInSnapshot(runId));
  }

  private Optional<RunDetail> findInSnapshot(String runId) {
    Optional<RunHeader> header =
        jdbc.sql("select " + SUMMARY_COLUMNS + ", metrics::text from runs where run_id = :id")
            .param("id", runId)
            .query((rs, n) -> new RunHeader(summary(rs), metrics(rs.getString("metrics"))))
            .optional();
    if (header.isEmpty()) {
      return Optional.empty();
    }

    Map<String, List<QuarantineReason>> reasonsByFile = new LinkedHashMap<>();
    jdbc.sql(
            "select file_name, reason, records from run_quarantine_reasons where run_id = :id"
                + " order by file_name, records desc, reason")
        .param("id", runId)
        .query(
            rs -> {
              reasonsByFile
                  .computeIfAbsent(rs.getString("file_name"), f -> new ArrayList<>())
                  .add(new QuarantineReason(rs.getString("reason"), rs.getLong("records")));
            });
    List<QuarantineReason> totals =
        jdbc.sql(
                "select reason, sum(records) as records from run_quarantine_reasons"
                    + " where run_id = :id group by reason order by records desc, reason")
            .param("id", runId)
            .query((rs, n) -> new QuarantineReason(rs.getString("reason"), rs.getLong("records")))
            .list();
    List<RunFile> files =
        jdbc.sql(
                "select file_name, source, file_sha256, file_bytes, records_read,"
                    + " records_accepted, records_quarantined, records_duplicate, status, error"
                    + " from run_files where run_id = :id order by file_name")
            .param("id", runId)
            .query(
                (rs, n) ->
                    new RunFile(
                        rs.getString("file_name"),
                        rs.getString("source"),
                        rs.getString("file_sha256"),
                        rs.getObject("file_bytes", Long.class),
                        rs.getLong("records_read"),
                        rs.getLong("records_accepted"),
                        rs.getLong("records_quarantined"),
                        rs.getLong("records_duplicate"),
                        rs.getString("status"),
                        rs.getString("error"),
                        List.copyOf(
                            reasonsByFile.getOrDefault(rs.getString("file_name"), List.of()))))
            .list();
    return Optional.of(
        new RunDetail(header.get().summary(), header.get().metrics(), totals, files));
  }

  private record RunHeader(RunSummary summary, JsonNode metrics) {}

  private static OffsetDateTime startedAt(KeysetCursor cursor, String wireForm) {
    try {
      return Instant.parse(cursor.after().get(0)).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw KeysetCursor.invalid(wireForm);
    }
  }

  private JsonNode metrics(String text) throws SQLException {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SQLException("runs.metrics is not JSON", e);
    }
  }

  private static RunSummary summary(ResultSet rs) throws SQLException {
    return new RunSummary(
        rs.getString("run_id"),
        rs.getString("status"),
        instant(rs.getObject("started_at", OffsetDateTime.class)),
        instant(rs.getObject("finished_at", OffsetDateTime.class)),
        instant(rs.getObject("published_at", OffsetDateTime.class)),
        rs.getObject("records_read", Long.class),
        rs.getObject("records_accepted", Long.class),
        rs.getObject("records_quarantined", Long.class),
        rs.getObject("records_duplicate", Long.class),
        rs.getObject("contracts_analysed", Long.class),
        rs.getObject("anomalies", Long.class),
        rs.getString("error"));
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
