package org.sentinela.analytics.baseline;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.struct;
import static org.sentinela.analytics.baseline.ScoringValues.LOG_VALUE;
import static org.sentinela.model.ContractSchema.BUYER_UF;
import static org.sentinela.model.ContractSchema.MODALITY;
import static org.sentinela.model.ContractSchema.SUPERIOR_ORGAN_CODE;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Per-segment statistics of ln(value) at every {@link SegmentLevel}: size, median, MAD and the
 * 1/25/75/99th percentiles.
 *
 * <p>Each scored contract is expanded into one row per level (5 × N rows) and aggregated twice:
 * once for size and percentiles, once, after a broadcast join of the segment medians, for the MAD.
 * Both aggregations are hash aggregations with partial (map-side) combining, so only per-segment
 * state crosses the shuffle.
 *
 * <p>Keep {@code spark.sql.objectHashAggregate.sortBased.fallbackThreshold} above the number of
 * segments (the job sets 65,536): at Spark's default of 128 groups per task the aggregation falls
 * back to sorting all memberships, which made this pass 2.3× slower on 1.9M contracts.
 *
 * <p>Percentiles are {@code percentile_approx} with accuracy {@value #PERCENTILE_ACCURACY}: the
 * Greenwald–Khanna summary returns an observed value whose rank is within n / 10,000 of the true
 * rank, so it is exact for segments of up to 10,000 contracts. It does not interpolate: the median
 * of an even-sized segment is the lower of the two middle values.
 */
public final class SegmentBaselines {

  public static final String LEVEL = "level";
  public static final String SEGMENT_KEY = "segment_key";
  public static final String CONTRACTS = "contracts";
  public static final String MEDIAN_LOG_VALUE = "median_log_value";
  public static final String MAD_LOG_VALUE = "mad_log_value";
  public static final String P01_LOG_VALUE = "p01_log_value";
  public static final String P25_LOG_VALUE = "p25_log_value";
  public static final String P75_LOG_VALUE = "p75_log_value";
  public static final String P99_LOG_VALUE = "p99_log_value";

  /** Accuracy of {@code percentile_approx}: rank error at most n / accuracy. */
  public static final int PERCENTILE_ACCURACY = 10_000;

  private static final String QUANTILES = "_quantiles";
  private static final List<String> SEGMENT_COLUMNS =
      List.of(LEVEL, SEGMENT_KEY, BUYER_UF, MODALITY, SUPERIOR_ORGAN_CODE);

  private SegmentBaselines() {}

  /**
   * One row per segment of every level, from the scored contracts of {@code valued} (the output of
   * {@link ScoringValues#withValueUsed}). Columns: level, segment_key, buyer_uf, modality,
   * superior_organ_code, contracts, median/mad/p01/p25/p75/p99 of ln(value).
   */
  public static Dataset<Row> compute(Dataset<Row> valued) {
    Dataset<Row> members = memberships(valued);
    Dataset<Row> distribution =
        members
            .groupBy(columns(SEGMENT_COLUMNS))
            .agg(
                count(lit(1)).as(CONTRACTS),
                percentile_approx(
                        col(LOG_VALUE),
                        array(lit(0.01), lit(0.25), lit(0.5), lit(0.75), lit(0.99)),
                        lit(PERCENTILE_ACCURACY))
                    .as(QUANTILES))
            .select(
                col(LEVEL),
                col(SEGMENT_KEY),
                col(BUYER_UF),
                col(MODALITY),
                col(SUPERIOR_ORGAN_CODE),
                col(CONTRACTS),
                col(QUANTILES).getItem(2).as(MEDIAN_LOG_VALUE),
                col(QUANTILES).getItem(0).as(P01_LOG_VALUE),
                col(QUANTILES).getItem(1).as(P25_LOG_VALUE),
                col(QUANTILES).getItem(3).as(P75_LOG_VALUE),
                col(QUANTILES).getItem(4).as(P99_LOG_VALUE));
    Column absoluteDeviation = abs(col(LOG_VALUE).minus(col(MEDIAN_LOG_VALUE)));
    return members
        .select(LEVEL, SEGMENT_KEY, LOG_VALUE)
        .join(broadcast(distribution), new String[] {LEVEL, SEGMENT_KEY})
        .groupBy(columns(distribution.columns()))
        .agg(
            percentile_approx(absoluteDeviation, lit(0.5), lit(PERCENTILE_ACCURACY))
                .as(MAD_LOG_VALUE))
        .select(
            columns(
                LEVEL,
                SEGMENT_KEY,
                BUYER_UF,
                MODALITY,
                SUPERIOR_ORGAN_CODE,
                CONTRACTS,
                MEDIAN_LOG_VALUE,
                MAD_LOG_VALUE,
                P01_LOG_VALUE,
                P25_LOG_VALUE,
                P75_LOG_VALUE,
                P99_LOG_VALUE));
  }

  /** Every scored contract once per level: level, segment columns, log_value. */
  static Dataset<Row> memberships(Dataset<Row> valued) {
    Column[] perLevel =
        Arrays.stream(SegmentLevel.values())
            .map(
                level ->
                    struct(
                        lit(level.name()).as(LEVEL),
                        SegmentColumns.segmentKey(level).as(SEGMENT_KEY),
                        SegmentColumns.buyerUf(level).as(BUYER_UF),
                        SegmentColumns.modality(level).as(MODALITY),
                        SegmentColumns.superiorOrganCode(level).as(SUPERIOR_ORGAN_CODE)))
            .toArray(Column[]::new);
    return valued
        .where(ScoringValues.isScored())
        .select(col(LOG_VALUE), explode(array(perLevel)).as("_segment"))
        .select(col("_segment.*"), col(LOG_VALUE));
  }

  /** A baselines row as a record. */
  public static SegmentBaseline toBaseline(Row row) {
    return new SegmentBaseline(
        SegmentLevel.valueOf(row.getAs(LEVEL)),
        row.getAs(SEGMENT_KEY),
        row.getAs(BUYER_UF),
        row.getAs(MODALITY),
        row.getAs(SUPERIOR_ORGAN_CODE),
        row.<Long>getAs(CONTRACTS),
        row.<Double>getAs(MEDIAN_LOG_VALUE),
        row.<Double>getAs(MAD_LOG_VALUE),
        row.<Double>getAs(P01_LOG_VALUE),
        row.<Double>getAs(P25_LOG_VALUE),
        row.<Double>getAs(P75_LOG_VALUE),
        row.<Double>getAs(P99_LOG_VALUE));
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(functions::col).toArray(Column[]::new);
  }

  private static Column[] columns(String... names) {
    return columns(List.of(names));
  }
}
