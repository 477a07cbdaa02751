package org.sentinela.model;

/**
 * The lake's contract table: column names, the Parquet schema and its version. Documented in {@code
 * docs/lake.md}; change the version whenever a column is added, removed or retyped.
 *
 * <p>Rows are stored under {@code sign_year=YYYY/sign_month=M/} partition folders (Hive style);
 * those two columns live in the path, not in the files.
 */
public final class ContractSchema {

  /** Version of the contract table layout; written into every file's key-value metadata. */
  public static final int VERSION = 1;

  /** Key of the Parquet footer metadata entry that carries {@link #VERSION}. */
  public static final String VERSION_METADATA_KEY = "sentinela.contract.schema.version";

  public static final String SOURCE = "source";
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_RECORD = "source_record";
  public static final String INGEST_RUN_ID = "ingest_run_id";
  public static final String RECORD_HASH = "record_hash";
  public static final String NATURAL_KEY = "natural_key";
  public static final String CONTRACT_NUMBER = "contract_number";
  public static final String SUPERIOR_ORGAN_CODE = "superior_organ_code";
  public static final String SUPERIOR_ORGAN_NAME = "superior_organ_name";
  public static final String ORGAN_CODE = "organ_code";
  public static final String ORGAN_NAME = "organ_name";
  public static final String UNIT_CODE = "unit_code";
  public static final String UNIT_NAME = "unit_name";
  public static final String BUYER_UF = "buyer_uf";
  public static final String BUYER_MUNICIPALITY_IBGE = "buyer_municipality_ibge";
  public static final String REGION_METHOD = "region_method";
  public static final String REGION_CONFIDENCE = "region_confidence";
  public static final String SUPPLIER_ID = "supplier_id";
  public static final String SUPPLIER_KIND = "supplier_kind";
  public static final String SUPPLIER_ID_VALID = "supplier_id_valid";
  public static final String SUPPLIER_NAME = "supplier_name";
  public static final String MODALITY = "modality";
  public static final String MODALITY_RAW = "modality_raw";
  public static final String LEGAL_BASIS = "legal_basis";
  public static final String OBJECT_TEXT = "object_text";
  public static final String SIGNATURE_DATE = "signature_date";
  public static final String PUBLICATION_DATE = "publication_date";
  public static final String START_DATE = "start_date";
  public static final String END_DATE = "end_date";
  public static final String INITIAL_VALUE = "initial_value";
  public static final String FINAL_VALUE = "final_value";
  public static final String QUALITY_FLAGS = "quality_flags";

  /** Partition columns, in path order. */
  public static final String SIGN_YEAR = "sign_year";

  public static final String SIGN_MONTH = "sign_month";

  /** Precision and scale of money columns: decimal(18,4), as in the reporting database. */
  public static final int MONEY_PRECISION = 18;

  public static final int MONEY_SCALE = 4;

  /** The Parquet schema of the contract files, in Parquet's message-type syntax. */
  public static final String PARQUET_MESSAGE_TYPE =
      """
      message contract {
        required binary source (STRING);
        required binary source_file (STRING);
        required int64 source_record;
        required binary ingest_run_id (STRING);
        required binary record_hash (STRING);
        required binary natural_key (STRING);
        required binary contract_number (STRING);
        optional binary superior_organ_code (STRING);
        optional binary superior_organ_name (STRING);
        optional binary organ_code (STRING);
        optional binary organ_name (STRING);
        required binary unit_code (STRING);
        optional binary unit_name (STRING);
        required binary buyer_uf (STRING);
        optional binary buyer_municipality_ibge (STRING);
        required binary region_method (STRING);
        required double region_confidence;
        required binary supplier_id (STRING);
        required binary supplier_kind (STRING);
        required boolean supplier_id_valid;
        optional binary supplier_name (STRING);
        required binary modality (STRING);
        optional binary modality_raw (STRING);
        optional binary legal_basis (STRING);
        optional binary object_text (STRING);
        required int32 signature_date (DATE);
        optional int32 publication_date (DATE);
        optional int32 start_date (DATE);
        optional int32 end_date (DATE);
        optional int64 initial_value (DECIMAL(18,4));
        optional int64 final_value (DECIMAL(18,4));
        required group quality_flags (LIST) {
          repeated group list {
            required binary element (STRING);
          }
        }
      }
      """;

  private ContractSchema() {}
}
