package org.sentinela.reporting.api.profile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;

/**
 * A flag in a profile's top list: enough to rank and recognise it; {@code GET
 * /api/v1/anomalies/{anomaly_id}} has the rest. The supplier id is masked for a CPF.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record FlagBrief(
    String anomalyId,
    String detector,
    double score,
    String severity,
    String contractNumber,
    LocalDate signatureDate,
    String finalValue,
    Unit buyer,
    Supplier supplier) {

  /** The buying unit of the flagged contract. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Unit(String unitCode, String unitName, String uf) {}

  /** The supplier of the flagged contract; {@code id} masked for a CPF. */
  record Supplier(String id, String kind, String name) {}
}
