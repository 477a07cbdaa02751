package org.sentinela.analytics.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.sentinela.model.ContractSchema.INGEST_RUN_ID;
import static org.sentinela.model.ContractSchema.NATURAL_KEY;
import static org.sentinela.model.ContractSchema.PUBLICATION_DATE;
import static org.sentinela.model.ContractSchema.SOURCE_FILE;
import static org.sentinela.model.ContractSchema.SOURCE_RECORD;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The current version of each contract. The lake keeps every accepted version of a record; the
 * current one is the latest published: publication date descending (missing dates last), then
 * source file and source record descending, then ingest run descending as a final tie-break.
 */
public final class CurrentVersions {

  private static final String RANK = "_version_rank";

  private CurrentVersions() {}

  /** One row per {@code natural_key}: its current version, with the same columns. */
  public static Dataset<Row> latestPerContract(Dataset<Row> versions) {
    WindowSpec newestFirst =
        Window.partitionBy(col(NATURAL_KEY))
            .orderBy(
                col(PUBLICATION_DATE).desc_nulls_last(),
                col(SOURCE_FILE).desc(),
                col(SOURCE_RECORD).desc(),
                col(INGEST_RUN_ID).desc());
    return versions
        .withColumn(RANK, row_number().over(newestFirst))
        .where(col(RANK).equalTo(1))
        .drop(RANK);
  }
}
