package org.sentinela.reporting.api.run;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** One page of the run list, newest first; {@code next_cursor} is {@code null} on the last page. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RunPage(List<RunSummary> items, String nextCursor) {}
