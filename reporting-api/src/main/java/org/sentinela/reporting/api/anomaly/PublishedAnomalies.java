package org.sentinela.reporting.api.anomaly;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sentinela.reporting.api.paging.KeysetCursor;
import org.sentinela.reporting.api.paging.StaleCursorException;
import org.sentinela.reporting.api.problem.InvalidParameterException;
import org.sentinela.reporting.api.run.PublishedRun;
import org.sentinela.reporting.api.run.PublishedRuns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only queries over the anomalies of a published run (the latest one unless a request names
 * another), ordered by score descending, then anomaly id.
 */
@Repository
class PublishedAnomalies {

  private final JdbcClient jdbc;
  private final AnomalyRowMapper rows;
  private final PublishedRuns runs;
  private final TransactionTemplate snapshot;

  PublishedAnomalies(
      JdbcClient jdbc,
      AnomalyRowMapper rows,
      PublishedRuns runs,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.runs = runs;
    this.snapshot = new TransactionTemplate(transactionManager);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * Up to {@code limit} anomalies of the requested run (the latest published one when {@code
   * requestedRun} is null) matching {@code filter}, after {@code cursor} when given. The run and
   * its rows are read in one snapshot, so a run published meanwhile never mixes into a page.
   *
   * @throws StaleCursorException when the cursor belongs to a run that is no longer the latest
   * @throws InvalidParameterException when the cursor was issued for other filters or another run
   */
  AnomalyPage page(AnomalyFilter filter, String requestedRun, Optional<String> cursor, int limit) {
    Optional<PageCursor> after = cursor.map(PageCursor::decode);
    if (after.isPresent() && !after.get().filters().equals(filter.fingerprint())) {
      throw KeysetCursor.issuedForOtherFilters(cursor.get());
    }
    return snapshot.execute(status -> pageInSnapshot(filter, requestedRun, after, cursor, limit));
  }

  /** One anomaly of the latest published run. */
  Optional<AnomalyView> find(String anomalyId) {
    return jdbc.sql(
            "select " + AnomalyRowMapper.COLUMNS + " from current_anomalies where anomaly_id = :id")
        .param("id", anomalyId)
        .query(rows)
        .optional();
  }

  private AnomalyPage pageInSnapshot(
      AnomalyFilter filter,
      String requestedRun,
      Optional<PageCursor> after,
      Optional<String> cursor,
      int limit) {
    Optional<PublishedRun> resolved = runs.resolve(requestedRun);
    if (resolved.isEmpty()) {
      return AnomalyPage.NOTHING_PUBLISHED;
    }
    PublishedRun run = resolved.get();
    if (after.isPresent() && !after.get().runId().equals(run.runId())) {
      if (requestedRun == null) {
        throw new StaleCursorException(after.get().runId(), run.runId());
      }
      throw new InvalidParameterException(
          "cursor",
          cursor.get(),
          "belongs to run '" + after.get().runId() + "', not to run '" + requestedRun + "'");
    }

    StringBuilder sql =
        new StringBuilder("select ")
            .append(AnomalyRowMapper.COLUMNS)
            .append(" from (select a.*, h.first_seen_at, h.last_seen_at from anomalies a")
            .append(" left join anomaly_history h on h.anomaly_id = a.anomaly_id) run_anomalies")
            .append(" where run_id = :run");
    Map<String, Object> params = new HashMap<>();
    params.put("run", run.runId());
    condition(sql, params, "buyer_uf = :uf", "uf", filter.uf());
    condition(sql, params, "detector = :detector", "detector", filter.detector());
    condition(
        sql,
        params,
        "severity = :severity",
        "severity",
        filter.severity() == null ? null : filter.severity().name());
    condition(
        sql,
        params,
        "buyer_municipality_ibge = :municipality",
        "municipality",
        filter.municipality());
    condition(sql, params, "unit_code = :buyer", "buyer", filter.buyer());
    condition(
        sql,
        params,
        "supplier_id = :supplier",
        "supplier",
        filter.supplier() == null ? null : filter.supplier().id());
    condition(sql, params, "score >= :minScore", "minScore", filter.minScore());
    condition(sql, params, "q_value <= :maxQValue", "maxQValue", filter.maxQValue());
    condition(sql, params, "signature_date >= :from", "from", filter.from());
    condition(sql, params, "signature_date <= :to", "to", filter.to());
    if (after.isPresent()) {
      // "score <= :afterScore" lets the (run_id, [filter,] score desc, anomaly_id) indexes start at
      // the cursor; the rest skips the ties already served. A bare OR would read every row before.
      sql.append(" and score <= :afterScore and (score < :afterScore or anomaly_id > :afterId)");
      params.put("afterScore", after.get().score());
      params.put("afterId", after.get().anomalyId());
    }
    sql.append(" order by score desc, anomaly_id limit :fetch");
    params.put("fetch", limit + 1);

    List<AnomalyView> fetched = jdbc.sql(sql.toString()).params(params).query(rows).list();
    if (fetched.size() <= limit) {
      return new AnomalyPage(run, fetched, null);
    }
    List<AnomalyView> items = new ArrayList<>(fetched.subList(0, limit));
    AnomalyView last = items.get(limit - 1);
    String next =
        new PageCursor(run.runId(), filter.fingerprint(), last.score(), last.anomalyId()).encode();
    return new AnomalyPage(run, items, next);
  }

  private static void condition(
      StringBuilder sql, Map<String, Object> params, String clause, String name, Object value) {
    if (value != null) {
      sql.append(" and ").append(clause);
      params.put(name, value);
    }
  }
}
