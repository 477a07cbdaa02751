package org.sentinela.reporting.api.run;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One run in full: the {@link RunSummary} fields, its {@code metrics} (the stored jsonb, as an
 * object), the quarantine reasons summed over its files, and each input file with its own
 * accounting and quarantine reasons.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RunDetail(
    @JsonUnwrapped RunSummary summary,
    JsonNode metrics,
    List<QuarantineReason> quarantineReasons,
    List<RunFile> files) {

  /** An input file of the run; {@code records_read} balances when {@code status} is INGESTED. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record RunFile(
      String fileName,
      String source,
      String fileSha256,
      Long fileBytes,
      long recordsRead,
      long recordsAccepted,
      long recordsQuarantined,
      long recordsDuplicate,
      String status,
      String error,
      List<QuarantineReason> quarantineReasons) {}

  /** How many records were quarantined for one reason. */
  record QuarantineReason(String reason, long records) {}
}
