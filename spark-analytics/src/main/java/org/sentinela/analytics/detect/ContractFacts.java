package org.sentinela.analytics.detect;

import static org.sentinela.model.ContractSchema.*;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.sentinela.model.SupplierKind;

/**
 * A contract as the procurement detectors see it: who bought from whom, how, when, what and for how
 * much.
 *
 * @param naturalKey the contract's identity (unit | number | supplier)
 * @param contractNumber the publisher's contract number
 * @param unitCode the buyer unit (UG)
 * @param supplierId the supplier's identifier
 * @param supplierKind a {@link SupplierKind} name
 * @param modality a {@code Modality} name
 * @param objectText the object, as published (may be null)
 * @param signatureDate the signature date
 * @param publicationDate the publication date (may be null)
 * @param initialValue the initial value (may be null)
 * @param finalValue the final value (may be null)
 */
public record ContractFacts(
    String naturalKey,
    String contractNumber,
    String unitCode,
    String supplierId,
    String supplierKind,
    String modality,
    String objectText,
    LocalDate signatureDate,
    LocalDate publicationDate,
    BigDecimal initialValue,
    BigDecimal finalValue)
    implements Serializable {

  public ContractFacts {
    Objects.requireNonNull(naturalKey, "naturalKey");
    Objects.requireNonNull(contractNumber, "contractNumber");
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(supplierKind, "supplierKind");
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(signatureDate, "signatureDate");
  }

  /** The facts of a row with the lake's contract columns. */
  public static ContractFacts of(Row row) {
    return new ContractFacts(
        row.getAs(NATURAL_KEY),
        row.getAs(CONTRACT_NUMBER),
        row.getAs(UNIT_CODE),
        row.getAs(SUPPLIER_ID),
        row.getAs(SUPPLIER_KIND),
        row.getAs(MODALITY),
        row.getAs(OBJECT_TEXT),
        localDate(row.getAs(SIGNATURE_DATE)),
        localDate(row.getAs(PUBLICATION_DATE)),
        row.getAs(INITIAL_VALUE),
        row.getAs(FINAL_VALUE));
  }

  /** The value the contract was signed for: the initial value if positive, else the final one. */
  public BigDecimal contractedValue() {
    if (initialValue != null && initialValue.signum() > 0) {
      return initialValue;
    }
    return finalValue != null && finalValue.signum() > 0 ? finalValue : null;
  }

  /**
   * The value the analysis scores ({@code baseline.ScoringValues}): the final value if positive,
   * else the initial value if positive, else null.
   */
  public BigDecimal scoredValue() {
    if (finalValue != null && finalValue.signum() > 0) {
      return finalValue;
    }
    return initialValue != null && initialValue.signum() > 0 ? initialValue : null;
  }

  /** The column {@link #contractedValue()} comes from, or null when it is null. */
  public String contractedValueColumn() {
    if (initialValue != null && initialValue.signum() > 0) {
      return INITIAL_VALUE;
    }
    return finalValue != null && finalValue.signum() > 0 ? FINAL_VALUE : null;
  }

  /** False for a classified supplier ("Sigiloso", code -11): many suppliers share that code. */
  public boolean supplierIdentified() {
    return !SupplierKind.CLASSIFIED.name().equals(supplierKind);
  }

  static LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toLocalDate();
    }
    throw new IllegalArgumentException("not a date: " + value + " (" + value.getClass() + ")");
  }
}
