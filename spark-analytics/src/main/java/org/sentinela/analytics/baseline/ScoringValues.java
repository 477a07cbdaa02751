package org.sentinela.analytics.baseline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ln;
import static org.apache.spark.sql.functions.when;
import static org.sentinela.model.ContractSchema.FINAL_VALUE;
import static org.sentinela.model.ContractSchema.INITIAL_VALUE;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The value a contract is scored on: the final value when positive, else the initial value when
 * positive. Contracts with neither are kept but not scored ({@code log_value} is null).
 */
public final class ScoringValues {

  /** The value used, decimal(18,4) in R$, null when the contract has no positive value. */
  public static final String VALUE_USED = "value_used";

  /** Which column the value came from: {@code final_value} or {@code initial_value}. */
  public static final String VALUE_COLUMN = "value_column";

  /** ln(value_used), double, null when unscored. */
  public static final String LOG_VALUE = "log_value";

  private ScoringValues() {}

  /** The contracts with {@code value_used}, {@code value_column} and {@code log_value} added. */
  public static Dataset<Row> withValueUsed(Dataset<Row> contracts) {
    Column finalPositive = col(FINAL_VALUE).gt(0);
    Column initialPositive = col(INITIAL_VALUE).gt(0);
    Column valueUsed =
        when(finalPositive, col(FINAL_VALUE)).when(initialPositive, col(INITIAL_VALUE));
    return contracts
        .withColumn(VALUE_USED, valueUsed)
        .withColumn(
            VALUE_COLUMN,
            when(finalPositive, lit(FINAL_VALUE)).when(initialPositive, lit(INITIAL_VALUE)))
        .withColumn(LOG_VALUE, ln(col(VALUE_USED).cast("double")));
  }

  /** True for contracts that have a value to score. */
  public static Column isScored() {
    return col(LOG_VALUE).isNotNull();
  }
}
