package org.sentinela.reporting.api.anomaly;

import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * Read-only queries over the anomalies of a published run (the latest one unless a request names
 * another), ordered by score descending, then anomaly id.
 */
@Repository
class PublishedAnomalies {

  private final JdbcClient jdbc;
  private final AnomalyRowMapper rows;

  PublishedAnomalies(JdbcClient jdbc, AnomalyRowMapper rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  /**
   * Up to {@code limit} anomalies of the requested run (the latest published one when {@code
   * requestedRun} is null) matching {@code filter}, after {@code cursor} when given. One statement
   * resolves the run and reads its rows, so they come from one snapshot: a run published meanwhile
   * never mixes into a page, with no transaction around it.
   *
   * @throws StaleCursorException when the cursor belongs to a run that is no longer the latest
   * @throws InvalidParameterException when the cursor was issued for other filters or another run
   */
  AnomalyPage page(AnomalyFilter filter, String requestedRun, Optional<String> cursor, int limit) {
    Optional<PageCursor> after = cursor.map(PageCursor::decode);
    if (after.isPresent() && !after.get().filters().equals(filter.fingerprint())) {
      throw KeysetCursor.issuedForOtherFilters(cursor.get());
    }
    if (requestedRun != null) {
      PublishedRuns.checkRunId(requestedRun);
    }
    Map<String, Object> params = new HashMap<>();
    List<RunRow> fetched =
        jdbc.sql(pageQuery(filter, requestedRun, after, limit, params))
            .params(params)
            .query(this::runRow)
            .list();
    if (fetched.isEmpty()) {
      if (requestedRun != null) {
        throw PublishedRuns.notFound(requestedRun);
      }
      return AnomalyPage.NOTHING_PUBLISHED;
    }
    PublishedRun run = fetched.get(0).run();
    if (after.isPresent() && !after.get().runId().equals(run.runId())) {
      if (requestedRun == null) {
        throw new StaleCursorException(after.get().runId(), run.runId());
      }
      throw new InvalidParameterException(
          "cursor",
          cursor.get(),
          "belongs to run '" + after.get().runId() + "', not to run '" + requestedRun + "'");
    }
    List<AnomalyView> items = new ArrayList<>(fetched.size());
    for (RunRow row : fetched) {
      if (row.anomaly() != null) {
        items.add(row.anomaly());
      }
    }
    if (items.size() <= limit) {
      return new AnomalyPage(run, items, null);
    }
    items = new ArrayList<>(items.subList(0, limit));
    AnomalyView last = items.get(limit - 1);
    String next =
        new PageCursor(run.runId(), filter.fingerprint(), last.score(), last.anomalyId()).encode();
    return new AnomalyPage(run, items, next);
  }

  /** One anomaly of the latest published run. */
  Optional<AnomalyView> find(String anomalyId) {
    return jdbc.sql(
            "select " + AnomalyRowMapper.COLUMNS + " from current_anomalies where anomaly_id = :id")
        .param("id", anomalyId)
        .query(rows)
        .optional();
  }

  /**
   * The run (one row, no anomaly, when none matches) left-joined to its page of anomalies: no row
   * at all means the run is not published.
   */
  private static String pageQuery(
      AnomalyFilter filter,
      String requestedRun,
      Optional<PageCursor> after,
      int limit,
      Map<String, Object> params) {
    StringBuilder sql = new StringBuilder("with run as (");
    if (requestedRun == null) {
      sql.append("select run_id, published_at from latest_published_run");
    } else {
      sql.append("select run_id, published_at from runs")
          .append(" where run_id = :requestedRun and published_at is not null");
      params.put("requestedRun", requestedRun);
    }
    sql.append(") select run.run_id as page_run_id, run.published_at as page_published_at, page.*")
        .append(" from run left join lateral (select ")
        .append(AnomalyRowMapper.COLUMNS)
        .append(" from (select a.*, h.first_seen_at, h.last_seen_at from anomalies a")
        .append(" left join anomaly_history h on h.anomaly_id = a.anomaly_id) run_anomalies")
        .append(" where run_id = run.run_id");
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
    sql.append(" order by score desc, anomaly_id limit :fetch) page on true")
        .append(" order by page.score desc, page.anomaly_id");
    params.put("fetch", limit + 1);
    return sql.toString();
  }

  private RunRow runRow(ResultSet rs, int rowNum) throws SQLException {
    PublishedRun run =
        new PublishedRun(
            rs.getString("page_run_id"), rs.getTimestamp("page_published_at").toInstant());
    return new RunRow(run, rs.getString("anomaly_id") == null ? null : rows.mapRow(rs, rowNum));
  }

  private static void condition(
      StringBuilder sql, Map<String, Object> params, String clause, String name, Object value) {
    if (value != null) {
      sql.append(" and ").append(clause);
      params.put(name, value);
    }
  }

  /** One row of the page query: the run, and one of its anomalies unless the page is empty. */
  private record RunRow(PublishedRun run, AnomalyView anomaly) {}
}
