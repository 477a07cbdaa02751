package org.sentinela.model;

/**
 * The lake's amendments-per-contract table, derived from the whole amendment table at every ingest:
 * one row per contract ({@code unit_code}, {@code contract_number}) with at least one amendment.
 * Documented in {@code docs/lake.md}. Contracts absent from it have no amendment registered.
 */
public final class ContractAmendmentCountSchema {

  /** Version of the table layout; written into the file's key-value metadata. */
  public static final int VERSION = 1;

  /** Key of the Parquet footer metadata entry that carries {@link #VERSION}. */
  public static final String VERSION_METADATA_KEY = "sentinela.contract_amendment_count.version";

  public static final String UNIT_CODE = "unit_code";
  public static final String CONTRACT_NUMBER = "contract_number";

  /** Distinct amendment numbers registered for the contract. */
  public static final String AMENDMENTS = "amendments";

  /** Amendment rows in the lake for it (one amendment republished in two files counts twice). */
  public static final String AMENDMENT_RECORDS = "amendment_records";

  public static final String FIRST_PUBLICATION_DATE = "first_publication_date";
  public static final String LAST_PUBLICATION_DATE = "last_publication_date";

  /** The Parquet schema, in Parquet's message-type syntax. */
  public static final String PARQUET_MESSAGE_TYPE =
      """
      message contract_amendment_count {
        required binary unit_code (STRING);
        required binary contract_number (STRING);
        required int64 amendments;
        required int64 amendment_records;
        required int32 first_publication_date (DATE);
        required int32 last_publication_date (DATE);
      }
      """;

  private ContractAmendmentCountSchema() {}
}
