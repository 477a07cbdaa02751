package org.sentinela.model;

/**
 * The lake's amendment table (Portal "Termo Aditivo"): column names, the Parquet schema and its
 * version. Documented in {@code docs/lake.md}; change the version whenever a column changes.
 *
 * <p>Rows are stored under {@code pub_year=YYYY/pub_month=M/} partition folders (Hive style) of the
 * amendment's publication date; those two columns live in the path, not in the files. An amendment
 * belongs to the contracts with the same {@code unit_code} and {@code contract_number}.
 */
public final class AmendmentSchema {

  /** Version of the amendment table layout; written into every file's key-value metadata. */
  public static final int VERSION = 1;

  /** Key of the Parquet footer metadata entry that carries {@link #VERSION}. */
  public static final String VERSION_METADATA_KEY = "sentinela.amendment.schema.version";

  public static final String SOURCE = "source";
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_RECORD = "source_record";
  public static final String INGEST_RUN_ID = "ingest_run_id";
  public static final String RECORD_HASH = "record_hash";
  public static final String CONTRACT_NUMBER = "contract_number";
  public static final String SUPERIOR_ORGAN_CODE = "superior_organ_code";
  public static final String SUPERIOR_ORGAN_NAME = "superior_organ_name";
  public static final String ORGAN_CODE = "organ_code";
  public static final String ORGAN_NAME = "organ_name";
  public static final String UNIT_CODE = "unit_code";
  public static final String UNIT_NAME = "unit_name";
  public static final String AMENDMENT_NUMBER = "amendment_number";
  public static final String PUBLICATION_DATE = "publication_date";
  public static final String OBJECT_TEXT = "object_text";
  public static final String QUALITY_FLAGS = "quality_flags";

  /** Partition columns, in path order. */
  public static final String PUB_YEAR = "pub_year";

  public static final String PUB_MONTH = "pub_month";

  /** The Parquet schema of the amendment files, in Parquet's message-type syntax. */
  public static final String PARQUET_MESSAGE_TYPE =
      """
      message amendment {
        required binary source (STRING);
        required binary source_file (STRING);
        required int64 source_record;
        required binary ingest_run_id (STRING);
        required binary record_hash (STRING);
        required binary contract_number (STRING);
        optional binary superior_organ_code (STRING);
        optional binary superior_organ_name (STRING);
        optional binary organ_code (STRING);
        optional binary organ_name (STRING);
        required binary unit_code (STRING);
        optional binary unit_name (STRING);
        required binary amendment_number (STRING);
        required int32 publication_date (DATE);
        optional binary object_text (STRING);
        required group quality_flags (LIST) {
          repeated group list {
            required binary element (STRING);
          }
        }
      }
      """;

  private AmendmentSchema() {}
}
