package org.sentinela.ingest;

/** Why a record was quarantined instead of accepted. Stored with every quarantined record. */
public enum RejectionReason {
  /** The line does not split into the file's columns (quoting, column count). */
  MALFORMED_LINE,
  /** No contract number. */
  MISSING_CONTRACT_NUMBER,
  /** No buyer unit code. */
  MISSING_UNIT_CODE,
  /** No signature date: the lake is partitioned by it. */
  MISSING_SIGNATURE_DATE,
  /** A date that is not a real date. */
  INVALID_DATE,
  /** A signature date before 1950 or after the publication date's next year. */
  IMPOSSIBLE_SIGNATURE_DATE,
  /** A money field that is not a number. */
  INVALID_VALUE,
  /** A money value that does not fit decimal(18,4) (|value| ≥ R$ 100 trillion). */
  VALUE_OUT_OF_RANGE,
  /** An amendment without its number ("Número Termo Aditivo"). */
  MISSING_AMENDMENT_NUMBER,
  /** An amendment without its publication date: the amendment table is partitioned by it. */
  MISSING_PUBLICATION_DATE
}
