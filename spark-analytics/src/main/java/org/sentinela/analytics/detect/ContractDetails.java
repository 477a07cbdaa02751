package org.sentinela.analytics.detect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The contract columns an anomaly row carries, so readers need not go back to the lake. */
public record ContractDetails(
    String naturalKey,
    String contractNumber,
    String superiorOrganCode,
    String superiorOrganName,
    String organCode,
    String organName,
    String unitCode,
    String unitName,
    String buyerUf,
    String buyerMunicipalityIbge,
    String supplierId,
    String supplierKind,
    String supplierName,
    String modality,
    String objectText,
    LocalDate signatureDate,
    LocalDate publicationDate,
    BigDecimal initialValue,
    BigDecimal finalValue) {

  public ContractDetails {
    Objects.requireNonNull(naturalKey, "naturalKey");
    Objects.requireNonNull(contractNumber, "contractNumber");
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(buyerUf, "buyerUf");
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(supplierKind, "supplierKind");
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(signatureDate, "signatureDate");
  }
}
