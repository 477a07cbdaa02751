package org.sentinela.model;

/**
 * Marks on a record that was accepted but looks suspicious. Accepted records are never dropped for
 * these; detectors and analysts see the marks.
 */
public enum DataQualityFlag {
  /** Initial or final value is exactly zero. */
  ZERO_VALUE,
  /** Initial or final value is negative. */
  NEGATIVE_VALUE,
  /** Final value is below the initial value. */
  FINAL_BELOW_INITIAL,
  /** Final value is more than ten times the initial value. */
  FINAL_ABOVE_10X_INITIAL,
  /** Initial or final value above R$ 1 billion: often a data-entry or scale slip. */
  VALUE_ABOVE_1_BILLION,
  /** End date missing. */
  MISSING_END_DATE,
  /** End date is a sentinel such as 31/12/2099, read as "no end date". */
  SENTINEL_END_DATE,
  /** End date before start date. */
  END_BEFORE_START,
  /** Signature date after publication date. */
  SIGNED_AFTER_PUBLICATION,
  /** Signature date before 2000: old contracts registered late. */
  SIGNED_BEFORE_2000,
  /** Supplier CPF/CNPJ with invalid check digits. */
  INVALID_SUPPLIER_ID,
  /** Supplier name missing. */
  MISSING_SUPPLIER_NAME,
  /** Control characters were removed from the object text. */
  CONTROL_CHARACTERS_REMOVED
}
