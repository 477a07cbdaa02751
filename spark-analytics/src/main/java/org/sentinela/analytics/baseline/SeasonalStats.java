package org.sentinela.analytics.baseline;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.year;
import static org.sentinela.analytics.baseline.ScoringValues.LOG_VALUE;
import static org.sentinela.model.ContractSchema.SIGNATURE_DATE;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The seasonal cells of every segment ({@link SeasonalCell}): the scored contracts expanded once
 * per level (as for the baselines) and aggregated by segment and month of signature, with one hash
 * aggregation (count, the set of years, the median by {@code percentile_approx}). The result is
 * small (at most 12 rows per segment) and is estimated into factors in plain Java ({@link
 * SeasonalFactors}).
 */
public final class SeasonalStats {

  /**
   * Accuracy of the month cells' {@code percentile_approx} median: exact for cells of up to this
   * many contracts, within n / accuracy ranks above.
   */
  public static final int MEDIAN_ACCURACY = 10_000;

  public static final String PARENT_LEVEL = "parent_level";
  public static final String PARENT_KEY = "parent_key";
  public static final String MONTH = "month";
  public static final String YEARS = "years";

  private static final String YEAR = "_year";

  private SeasonalStats() {}

  /**
   * One row per segment of every level and month with contracts: level, segment_key, parent_level,
   * parent_key, month, contracts, years, median_log_value. {@code valued} is the output of {@link
   * ScoringValues#withValueUsed}.
   */
  public static Dataset<Row> compute(Dataset<Row> valued) {
    Column[] perLevel =
        Arrays.stream(SegmentLevel.values())
            .map(
                level ->
                    struct(
                        lit(level.name()).as(SegmentBaselines.LEVEL),
                        SegmentColumns.segmentKey(level).as(SegmentBaselines.SEGMENT_KEY),
                        (level.parent() == null
                                ? lit(null).cast("string")
                                : lit(level.parent().name()))
                            .as(PARENT_LEVEL),
                        (level.parent() == null
                                ? lit(null).cast("string")
                                : SegmentColumns.segmentKey(level.parent()))
                            .as(PARENT_KEY)))
            .toArray(Column[]::new);
    return valued
        .where(ScoringValues.isScored())
        .select(
            col(LOG_VALUE),
            month(col(SIGNATURE_DATE)).as(MONTH),
            year(col(SIGNATURE_DATE)).as(YEAR),
            explode(array(perLevel)).as("_segment"))
        .select(col("_segment.*"), col(MONTH), col(YEAR), col(LOG_VALUE))
        .groupBy(
            col(SegmentBaselines.LEVEL),
            col(SegmentBaselines.SEGMENT_KEY),
            col(PARENT_LEVEL),
            col(PARENT_KEY),
            col(MONTH))
        .agg(
            count(lit(1)).as(SegmentBaselines.CONTRACTS),
            size(collect_set(col(YEAR))).as(YEARS),
            percentile_approx(col(LOG_VALUE), lit(0.5), lit(MEDIAN_ACCURACY))
                .as(SegmentBaselines.MEDIAN_LOG_VALUE));
  }

  /**
   * The seasonal factors of every segment and month of {@code valued}, whose segments' {@code
   * baselines} are given: the cells computed here, estimated on the driver.
   */
  public static SeasonalFactors factors(
      Dataset<Row> valued, Collection<SegmentBaseline> baselines) {
    Map<String, Double> medians = new HashMap<>();
    for (SegmentBaseline b : baselines) {
      medians.put(SeasonalFactors.segment(b.level().name(), b.segmentKey()), b.medianLogValue());
    }
    List<SeasonalCell> cells =
        compute(valued).collectAsList().stream().map(SeasonalStats::toCell).toList();
    return SeasonalFactors.estimate(cells, medians);
  }

  /** A row of {@link #compute} as a record. */
  public static SeasonalCell toCell(Row row) {
    return new SeasonalCell(
        row.getAs(SegmentBaselines.LEVEL),
        row.getAs(SegmentBaselines.SEGMENT_KEY),
        row.getAs(PARENT_LEVEL),
        row.getAs(PARENT_KEY),
        row.<Integer>getAs(MONTH),
        row.<Long>getAs(SegmentBaselines.CONTRACTS),
        row.<Integer>getAs(YEARS),
        row.<Double>getAs(SegmentBaselines.MEDIAN_LOG_VALUE));
  }
}
