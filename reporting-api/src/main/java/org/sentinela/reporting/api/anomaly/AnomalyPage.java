package org.sentinela.reporting.api.anomaly;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.sentinela.reporting.api.run.PublishedRun;

/**
 * One page of the anomaly list. {@code run} is {@code null} (and the page empty) until a run has
 * been published; {@code next_cursor} is {@code null} on the last page.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AnomalyPage(PublishedRun run, List<AnomalyView> items, String nextCursor) {

  static final AnomalyPage NOTHING_PUBLISHED = new AnomalyPage(null, List.of(), null);
}
