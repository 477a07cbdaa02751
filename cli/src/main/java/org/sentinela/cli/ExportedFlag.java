package org.sentinela.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One published flag as {@code export flags} writes it: a person's CPF already masked, in the
 * supplier id and wherever the free text quotes it. p- and q-values are null for runs published
 * before they existed.
 */
record ExportedFlag(
    String anomalyId,
    String runId,
    String detector,
    String severity,
    double score,
    Double pValue,
    Double qValue,
    String contractNumber,
    String unitCode,
    String unitName,
    String buyerUf,
    String supplierId,
    String supplierKind,
    String supplierName,
    String modality,
    String objectText,
    LocalDate signatureDate,
    BigDecimal initialValue,
    BigDecimal finalValue,
    Instant firstSeenAt,
    String explanation) {

  /** Column names, in output order: the header of the CSV, the keys of a JSON line. */
  static final List<String> COLUMNS =
      List.of(
          "anomaly_id",
          "run_id",
          "detector",
          "severity",
          "score",
          "p_value",
          "q_value",
          "contract_number",
          "unit_code",
          "unit_name",
          "buyer_uf",
          "supplier_id",
          "supplier_kind",
          "supplier_name",
          "modality",
          "object_text",
          "signature_date",
          "initial_value",
          "final_value",
          "first_seen_at",
          "explanation");

  ExportedFlag {
    Objects.requireNonNull(anomalyId, "anomalyId");
    Objects.requireNonNull(runId, "runId");
  }

  /** The values in {@link #COLUMNS} order; null where the database holds none. */
  List<Object> values() {
    return Arrays.asList(
        anomalyId,
        runId,
        detector,
        severity,
        score,
        pValue,
        qValue,
        contractNumber,
        unitCode,
        unitName,
        buyerUf,
        supplierId,
        supplierKind,
        supplierName,
        modality,
        objectText,
        signatureDate,
        initialValue,
        finalValue,
        firstSeenAt,
        explanation);
  }
}
