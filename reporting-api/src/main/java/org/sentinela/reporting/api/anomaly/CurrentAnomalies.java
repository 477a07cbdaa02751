package org.sentinela.reporting.api.anomaly;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only queries over the anomalies of the latest published run ({@code current_anomalies}),
 * ordered by score descending, then anomaly id.
 */
@Repository
class CurrentAnomalies {

  private final JdbcClient jdbc;
  private final AnomalyRowMapper rows;
  private final TransactionTemplate snapshot;

  CurrentAnomalies(
      JdbcClient jdbc, AnomalyRowMapper rows, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.rows = rows;
    this.snapshot = new TransactionTemplate(transactionManager);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * Up to {@code limit} anomalies matching {@code filter}, after {@code after} when given. The run
   * and its rows are read in one snapshot, so a run published meanwhile never mixes into a page.
   *
   * @throws StaleCursorException when {@code after} belongs to a run that is no longer the latest
   */
  AnomalyPage page(AnomalyFilter filter, Optional<PageCursor> after, int limit) {
    return snapshot.execute(status -> pageInSnapshot(filter, after, limit));
  }

  /** One anomaly of the latest published run. */
  Optional<AnomalyView> find(String anomalyId) {
    return jdbc.sql(
            "select " + AnomalyRowMapper.COLUMNS + " from current_anomalies where anomaly_id = :id")
        .param("id", anomalyId)
        .query(rows)
        .optional();
  }

  private AnomalyPage pageInSnapshot(AnomalyFilter filter, Optional<PageCursor> after, int limit) {
    Optional<AnomalyPage.PublishedRun> latest =
        jdbc.sql("select run_id, published_at from latest_published_run")
            .query(
                (rs, n) ->
                    new AnomalyPage.PublishedRun(
                        rs.getString("run_id"), rs.getTimestamp("published_at").toInstant()))
            .optional();
    if (latest.isEmpty()) {
      return AnomalyPage.NOTHING_PUBLISHED;
    }
    AnomalyPage.PublishedRun run = latest.get();
    if (after.isPresent() && !after.get().runId().equals(run.runId())) {
      throw new StaleCursorException(after.get().runId(), run.runId());
    }

    StringBuilder sql =
        new StringBuilder("select ")
            .append(AnomalyRowMapper.COLUMNS)
            .append(" from current_anomalies where run_id = :run");
    Map<String, Object> params = new HashMap<>();
    params.put("run", run.runId());
    if (filter.uf() != null) {
      sql.append(" and buyer_uf = :uf");
      params.put("uf", filter.uf());
    }
    if (filter.detector() != null) {
      sql.append(" and detector = :detector");
      params.put("detector", filter.detector());
    }
    if (filter.severity() != null) {
      sql.append(" and severity = :severity");
      params.put("severity", filter.severity().name());
    }
    if (after.isPresent()) {
      sql.append(" and (score < :afterScore or (score = :afterScore and anomaly_id > :afterId))");
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
    return new AnomalyPage(
        run, items, new PageCursor(run.runId(), last.score(), last.anomalyId()).encode());
  }
}
