package org.sentinela.reporting.api.seasonal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sentinela.reporting.api.run.PublishedRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only query over {@code seasonal_factors} of the latest published run. */
@Repository
class CurrentSeasonalFactors {

  private final JdbcClient jdbc;

  CurrentSeasonalFactors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The segment's factors in the latest published run, read with the run in one statement; empty
   * when that run has none for the segment (or nothing is published).
   */
  Optional<SeasonalProfile> of(String level, String segmentKey) {
    List<PublishedRun> run = new ArrayList<>(1);
    List<SeasonalProfile.Month> months =
        jdbc.sql(
                "select r.run_id, r.published_at, s.month, s.factor, s.raw_factor, s.weight,"
                    + " s.observations, s.years, s.anchor_level"
                    + " from latest_published_run r"
                    + " join seasonal_factors s on s.run_id = r.run_id"
                    + " where s.level = :level and s.segment_key = :key order by s.month")
            .param("level", level)
            .param("key", segmentKey)
            .query(
                (rs, n) -> {
                  if (run.isEmpty()) {
                    run.add(
                        new PublishedRun(
                            rs.getString("run_id"), rs.getTimestamp("published_at").toInstant()));
                  }
                  double factor = rs.getDouble("factor");
                  return new SeasonalProfile.Month(
                      rs.getInt("month"),
                      factor,
                      Math.exp(factor),
                      rs.getDouble("raw_factor"),
                      rs.getDouble("weight"),
                      rs.getLong("observations"),
                      rs.getInt("years"),
                      rs.getString("anchor_level"));
                })
            .list();
    if (months.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SeasonalProfile(run.get(0), level, segmentKey, months));
  }
}
