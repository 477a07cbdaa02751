package org.sentinela.reporting.api.profile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.sentinela.reporting.api.run.PublishedRun;

/**
 * A buyer unit's flags in the latest published run: totals, counts by detector and severity, and
 * its ten highest-scored flags (their suppliers masked when a CPF).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record BuyerProfile(
    PublishedRun run,
    Buyer buyer,
    long suppliers,
    FlagTotals totals,
    List<DetectorCounts> byDetector,
    List<FlagBrief> topFlags) {

  /** The unit and the organs above it, as most of its flagged contracts name them. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Buyer(
      String unitCode,
      String unitName,
      String organCode,
      String organName,
      String superiorOrganCode,
      String superiorOrganName,
      String uf,
      String municipalityIbge) {}
}
