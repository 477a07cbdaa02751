package org.sentinela.reporting.api.run;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Objects;

/** A run whose results are published: the run a list or summary shows. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PublishedRun(String runId, Instant publishedAt) {

  public PublishedRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
