package org.sentinela.reporting.api.seasonal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;
import org.sentinela.reporting.api.run.PublishedRun;

/**
 * A segment's seasonal factors in one published run, January first; a month with no contracts in
 * the segment is absent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SeasonalProfile(PublishedRun run, String level, String segmentKey, List<Month> items) {

  SeasonalProfile {
    Objects.requireNonNull(run, "run");
    items = List.copyOf(items);
  }

  /**
   * One month of the year: {@code factor} is ln of how far the month runs above the segment's
   * median (0: no seasonal effect), {@code multiple} is {@code exp(factor)} (1.8: the month runs
   * 1.8 times the median); {@code raw_factor} is the month's own estimate, {@code weight} how much
   * it counts against the coarser segment's factor, {@code anchor_level} the level it comes from.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Month(
      int month,
      double factor,
      double multiple,
      double rawFactor,
      double weight,
      long observations,
      int years,
      String anchorLevel) {

    Month {
      if (month < 1 || month > 12) {
        throw new IllegalArgumentException("month must be between 1 and 12, got " + month);
      }
    }
  }
}
