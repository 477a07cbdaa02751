package org.sentinela.reporting.api.baseline;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.sentinela.reporting.api.run.PublishedRun;

/**
 * One page of the baselines of the latest published run, by level then segment key; {@code run} is
 * {@code null} (and the page empty) until a run is published.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record BaselinePage(PublishedRun run, List<BaselineView> items, String nextCursor) {

  static final BaselinePage NOTHING_PUBLISHED = new BaselinePage(null, List.of(), null);
}
