package org.sentinela.reporting.api.counts;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.sentinela.reporting.api.run.PublishedRun;

/**
 * How many flags the latest published run has, and how many of them are HIGH, in all and per
 * signature month, buyer UF and detector. {@code run} is {@code null} (and every count 0) until a
 * run has been published.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record FlagCountsView(
    PublishedRun run,
    long flags,
    long highFlags,
    List<Month> byMonth,
    List<Uf> byUf,
    List<Detector> byDetector) {

  static final FlagCountsView NOTHING_PUBLISHED =
      new FlagCountsView(null, 0, 0, List.of(), List.of(), List.of());

  FlagCountsView {
    byMonth = List.copyOf(byMonth);
    byUf = List.copyOf(byUf);
    byDetector = List.copyOf(byDetector);
  }

  /** Flags of contracts signed in one month ({@code YYYY-MM}). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Month(String month, long flags, long highFlags) {}

  /** Flags of one buyer UF ({@code BR}: national or unresolved buyer). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Uf(String uf, long flags, long highFlags) {}

  /** Flags of one detector. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Detector(String detector, long flags, long highFlags) {}
}
