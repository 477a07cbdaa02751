package org.sentinela.reporting.api.counts;

import java.util.List;
import java.util.Optional;
import org.sentinela.reporting.api.run.PublishedRun;
import org.sentinela.reporting.api.run.PublishedRuns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only counts over {@code flags_by_uf_month_detector} (the latest published run), read in one
 * snapshot with the run they belong to.
 */
@Repository
class FlagCounts {

  private final JdbcClient jdbc;
  private final PublishedRuns runs;
  private final TransactionTemplate snapshot;

  FlagCounts(JdbcClient jdbc, PublishedRuns runs, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.runs = runs;
    this.snapshot = new TransactionTemplate(transactionManager);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /** The latest published run's counts; months in order, UFs and detectors most flags first. */
  FlagCountsView latest() {
    return snapshot.execute(
        status -> {
          Optional<PublishedRun> latest = runs.latest();
          if (latest.isEmpty()) {
            return FlagCountsView.NOTHING_PUBLISHED;
          }
          String run = latest.get().runId();
          List<FlagCountsView.Month> months =
              jdbc.sql(
                      "select to_char(signature_month, 'YYYY-MM') as month, sum(flags) as flags,"
                          + " sum(high_flags) as high_flags from flags_by_uf_month_detector"
                          + " where run_id = :run group by signature_month order by signature_month")
                  .param("run", run)
                  .query(
                      (rs, n) ->
                          new FlagCountsView.Month(
                              rs.getString("month"), rs.getLong("flags"), rs.getLong("high_flags")))
                  .list();
          List<FlagCountsView.Uf> ufs =
              jdbc.sql(
                      "select buyer_uf, sum(flags) as flags, sum(high_flags) as high_flags"
                          + " from flags_by_uf_month_detector where run_id = :run"
                          + " group by buyer_uf order by flags desc, buyer_uf")
                  .param("run", run)
                  .query(
                      (rs, n) ->
                          new FlagCountsView.Uf(
                              rs.getString("buyer_uf"),
                              rs.getLong("flags"),
                              rs.getLong("high_flags")))
                  .list();
          List<FlagCountsView.Detector> detectors =
              jdbc.sql(
                      "select detector, sum(flags) as flags, sum(high_flags) as high_flags"
                          + " from flags_by_uf_month_detector where run_id = :run"
                          + " group by detector order by flags desc, detector")
                  .param("run", run)
                  .query(
                      (rs, n) ->
                          new FlagCountsView.Detector(
                              rs.getString("detector"),
                              rs.getLong("flags"),
                              rs.getLong("high_flags")))
                  .list();
          long flags = detectors.stream().mapToLong(FlagCountsView.Detector::flags).sum();
          long high = detectors.stream().mapToLong(FlagCountsView.Detector::highFlags).sum();
          return new FlagCountsView(latest.get(), flags, high, months, ufs, detectors);
        });
  }
}
