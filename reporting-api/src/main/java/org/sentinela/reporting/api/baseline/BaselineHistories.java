package org.sentinela.reporting.api.baseline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only queries over {@code segment_baseline_history}: a segment across published runs. */
@Repository
class BaselineHistories {

  /** Most runs one history holds: more than a year of nightly runs. */
  static final int MAX_RUNS = 400;

  private static final RowMapper<BaselineHistory.Point> POINTS =
      (rs, n) ->
          new BaselineHistory.Point(
              rs.getString("run_id"),
              rs.getTimestamp("published_at").toInstant(),
              rs.getLong("contracts"),
              Math.exp(rs.getDouble("p01_log_value")),
              Math.exp(rs.getDouble("p25_log_value")),
              Math.exp(rs.getDouble("median_log_value")),
              Math.exp(rs.getDouble("p75_log_value")),
              Math.exp(rs.getDouble("p99_log_value")));

  private final JdbcClient jdbc;

  BaselineHistories(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The segment's baselines of the newest {@value #MAX_RUNS} published runs, oldest first. */
  List<BaselineHistory.Point> of(String level, String segmentKey) {
    List<BaselineHistory.Point> newestFirst =
        new ArrayList<>(
            jdbc.sql(
                    "select run_id, published_at, contracts, p01_log_value, p25_log_value,"
                        + " median_log_value, p75_log_value, p99_log_value"
                        + " from segment_baseline_history"
                        + " where level = :level and segment_key = :key"
                        + " order by published_at desc, run_id desc limit :max")
                .param("level", level)
                .param("key", segmentKey)
                .param("max", MAX_RUNS)
                .query(POINTS)
                .list());
    Collections.reverse(newestFirst);
    return newestFirst;
  }
}
