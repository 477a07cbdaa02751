package org.sentinela.reporting.api.baseline;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One segment's baseline in every published run, oldest first: how its typical value (median) and
 * its spread (quartiles, 1st and 99th percentiles) moved over the year, in reais.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record BaselineHistory(String level, String segmentKey, List<Point> items) {

  BaselineHistory {
    items = List.copyOf(items);
  }

  /** The segment's baseline in one published run; values are {@code exp} of the log statistics. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Point(
      String runId,
      Instant publishedAt,
      long contracts,
      double p01Value,
      double p25Value,
      double medianValue,
      double p75Value,
      double p99Value) {}
}
