package org.sentinela.reporting.api.anomaly;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One anomaly as the API shows it. Money ({@code initial_value}, {@code final_value}) is a JSON
 * string holding the exact stored decimal (scale 4), so no client rounds it through a binary
 * double; {@code score} and {@code threshold} are JSON numbers. {@code p_value} (under the
 * detector's null model) and {@code q_value} (Benjamini-Hochberg across the night's flags) are
 * {@code null} for runs published before Sentinela computed them. The contract's natural key is
 * left out: it carries the supplier's id, which for a person (CPF) is only shown masked. {@code
 * evidence} is the stored JSON document, written into the response as it is (masked for a CPF).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AnomalyView(
    String anomalyId,
    String detector,
    double score,
    String severity,
    Double pValue,
    Double qValue,
    BigDecimal threshold,
    int thresholdVersion,
    String contractNumber,
    Buyer buyer,
    Supplier supplier,
    String modality,
    String objectText,
    LocalDate signatureDate,
    LocalDate publicationDate,
    String initialValue,
    String finalValue,
    String explanation,
    @JsonRawValue String evidence,
    Instant firstSeenAt,
    Instant lastSeenAt) {

  /** The public body that signed the contract. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Buyer(
      String superiorOrganCode,
      String superiorOrganName,
      String organCode,
      String organName,
      String unitCode,
      String unitName,
      String uf,
      String municipalityIbge) {}

  /** The contracted supplier; {@code id} is masked ({@code ***.456.789-**}) for a CPF. */
  record Supplier(String id, String kind, String name) {}
}
