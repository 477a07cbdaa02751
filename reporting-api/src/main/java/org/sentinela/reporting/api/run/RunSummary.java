package org.sentinela.reporting.api.run;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One run as the run list shows it: status, times and accounting totals ({@code records_read =
 * records_accepted + records_quarantined + records_duplicate}). Totals are {@code null} until the
 * stage that writes them has run; {@code published_at} is {@code null} until the run's results are
 * published.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RunSummary(
    String runId,
    String status,
    Instant startedAt,
    Instant finishedAt,
    Instant publishedAt,
    Long recordsRead,
    Long recordsAccepted,
    Long recordsQuarantined,
    Long recordsDuplicate,
    Long contractsAnalysed,
    Long anomalies,
    String error) {}
