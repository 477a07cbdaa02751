package org.sentinela.reporting.api.feedback;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Objects;

/** One analyst's stored verdict on one flag (a row of {@code feedback}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record FeedbackView(
    String anomalyId,
    String analyst,
    Verdict verdict,
    String note,
    Instant createdAt,
    Instant updatedAt) {

  FeedbackView {
    Objects.requireNonNull(anomalyId, "anomalyId");
    Objects.requireNonNull(analyst, "analyst");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
