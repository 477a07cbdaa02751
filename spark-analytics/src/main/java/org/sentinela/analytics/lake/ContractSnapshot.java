package org.sentinela.analytics.lake;

import static org.sentinela.model.ContractSchema.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads one contracts snapshot of the lake: every accepted record version, all partitions. */
public final class ContractSnapshot {

  /** Columns the analysis reads (the others are pruned); a snapshot without them is refused. */
  public static final List<String> REQUIRED_COLUMNS =
      List.of(
          NATURAL_KEY,
          SOURCE_FILE,
          SOURCE_RECORD,
          INGEST_RUN_ID,
          CONTRACT_NUMBER,
          SUPERIOR_ORGAN_CODE,
          SUPERIOR_ORGAN_NAME,
          ORGAN_CODE,
          ORGAN_NAME,
          UNIT_CODE,
          UNIT_NAME,
          BUYER_UF,
          BUYER_MUNICIPALITY_IBGE,
          SUPPLIER_ID,
          SUPPLIER_KIND,
          SUPPLIER_NAME,
          MODALITY,
          OBJECT_TEXT,
          SIGNATURE_DATE,
          PUBLICATION_DATE,
          INITIAL_VALUE,
          FINAL_VALUE,
          SIGN_YEAR,
          SIGN_MONTH);

  private ContractSnapshot() {}

  /**
   * The snapshot's rows, restricted to {@link #REQUIRED_COLUMNS} (including the {@code
   * sign_year}/{@code sign_month} partition columns), so wide unused columns such as the record
   * hash are neither read nor shuffled.
   *
   * @param snapshot a folder {@code LAKE/contracts/snapshots/RUN_ID}
   * @throws IllegalStateException when the files lack a column the analysis needs
   */
  public static Dataset<Row> load(SparkSession spark, Path snapshot) {
    String location = snapshot.toAbsolutePath().toUri().toString();
    Dataset<Row> rows = spark.read().option("basePath", location).parquet(location);
    Set<String> present = Set.of(rows.columns());
    List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !present.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "contracts snapshot "
              + snapshot
              + " lacks columns "
              + missing
              + " (it has "
              + Arrays.toString(rows.columns())
              + "); is it contract schema version "
              + VERSION
              + "?");
    }
    return rows.select(REQUIRED_COLUMNS.stream().map(rows::col).toArray(Column[]::new));
  }
}
