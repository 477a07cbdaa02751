package org.sentinela.reporting.api.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sentinela.reporting.api.paging.KeysetCursor;
import org.sentinela.reporting.api.paging.StaleCursorException;
import org.sentinela.reporting.api.run.PublishedRun;
import org.sentinela.reporting.api.run.PublishedRuns;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Read-only, keyset-paginated queries over the baselines of the latest published run. */
@Repository
class CurrentBaselines {

  private static final RowMapper<BaselineView> ROWS =
      (rs, n) ->
          new BaselineView(
              rs.getString("level"),
              rs.getString("segment_key"),
              rs.getString("buyer_uf"),
              rs.getString("modality"),
              rs.getString("superior_organ_code"),
              rs.getLong("contracts"),
              rs.getDouble("median_log_value"),
              rs.getDouble("mad_log_value"),
              rs.getDouble("p01_log_value"),
              rs.getDouble("p25_log_value"),
              rs.getDouble("p75_log_value"),
              rs.getDouble("p99_log_value"),
              Math.exp(rs.getDouble("median_log_value")));

  private final JdbcClient jdbc;
  private final PublishedRuns runs;
  private final TransactionTemplate snapshot;

  CurrentBaselines(
      JdbcClient jdbc, PublishedRuns runs, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.runs = runs;
    this.snapshot = new TransactionTemplate(transactionManager);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * Up to {@code limit} baselines matching {@code filter}, ordered by level then segment key (byte
   * order, whatever the server's collation), after the cursor's row when given.
   *
   * @throws StaleCursorException when the cursor belongs to a run that is no longer the latest
   */
  BaselinePage page(BaselineFilter filter, Optional<String> cursor, int limit) {
    Optional<KeysetCursor> after = cursor.map(text -> KeysetCursor.decode(text, 2));
    if (after.isPresent() && !after.get().filters().equals(filter.fingerprint())) {
      throw KeysetCursor.issuedForOtherFilters(cursor.get());
    }
    return snapshot.execute(status -> pageInSnapshot(filter, after, limit));
  }

  private BaselinePage pageInSnapshot(
      BaselineFilter filter, Optional<KeysetCursor> after, int limit) {
    Optional<PublishedRun> latest = runs.latest();
    if (latest.isEmpty()) {
      return BaselinePage.NOTHING_PUBLISHED;
    }
    PublishedRun run = latest.get();
    if (after.isPresent() && !after.get().run().equals(run.runId())) {
      throw new StaleCursorException(after.get().run(), run.runId());
    }
    StringBuilder sql =
        new StringBuilder(
            "select level, segment_key, buyer_uf, modality, superior_organ_code, contracts,"
                + " median_log_value, mad_log_value, p01_log_value, p25_log_value,"
                + " p75_log_value, p99_log_value from baselines where run_id = :run");
    Map<String, Object> params = new HashMap<>();
    params.put("run", run.runId());
    if (filter.level() != null) {
      sql.append(" and level = :level");
      params.put("level", filter.level().name());
    }
    if (filter.uf() != null) {
      sql.append(" and buyer_uf = :uf");
      params.put("uf", filter.uf());
    }
    if (filter.modality() != null) {
      sql.append(" and modality = :modality");
      params.put("modality", filter.modality().name());
    }
    if (filter.organ() != null) {
      sql.append(" and superior_organ_code = :organ");
      params.put("organ", filter.organ());
    }
    if (after.isPresent()) {
      sql.append(
          " and (level collate \"C\", segment_key collate \"C\") > (:afterLevel, :afterKey)");
      params.put("afterLevel", after.get().after().get(0));
      params.put("afterKey", after.get().after().get(1));
    }
    sql.append(" order by level collate \"C\", segment_key collate \"C\" limit :fetch");
    params.put("fetch", limit + 1);

    List<BaselineView> fetched = jdbc.sql(sql.toString()).params(params).query(ROWS).list();
    if (fetched.size() <= limit) {
      return new BaselinePage(run, fetched, null);
    }
    List<BaselineView> items = List.copyOf(fetched.subList(0, limit));
    BaselineView last = items.get(limit - 1);
    String next =
        new KeysetCursor(
                run.runId(), filter.fingerprint(), List.of(last.level(), last.segmentKey()))
            .encode();
    return new BaselinePage(run, items, next);
  }
}
