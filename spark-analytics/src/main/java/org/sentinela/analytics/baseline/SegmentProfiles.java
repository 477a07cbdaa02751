package org.sentinela.analytics.baseline;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.sentinela.analytics.baseline.SegmentBaselines.CONTRACTS;
import static org.sentinela.analytics.baseline.SegmentBaselines.LEVEL;
import static org.sentinela.analytics.baseline.SegmentBaselines.MAD_LOG_VALUE;
import static org.sentinela.analytics.baseline.SegmentBaselines.MEDIAN_LOG_VALUE;
import static org.sentinela.analytics.baseline.SegmentBaselines.P99_LOG_VALUE;
import static org.sentinela.analytics.baseline.SegmentBaselines.SEGMENT_KEY;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Attaches to each scored contract its segment at every level: a {@code segments} array of structs
 * (level, segment_key, contracts, median_log_value, mad_log_value, p99_log_value), finest first.
 *
 * <p>One broadcast hash join per level against that level's (small) baselines: no shuffle of the
 * contracts. Which segment a contract is scored against is decided in plain Java ({@link
 * SegmentChoice}), by the detector.
 */
public final class SegmentProfiles {

  /** The array of the contract's segments, finest level first. */
  public static final String SEGMENTS = "segments";

  private SegmentProfiles() {}

  /**
   * The scored contracts of {@code valued} with {@value #SEGMENTS} added.
   *
   * @param valued output of {@link ScoringValues#withValueUsed}
   * @param baselines output of {@link SegmentBaselines#compute} for the same contracts
   */
  public static Dataset<Row> attach(Dataset<Row> valued, Dataset<Row> baselines) {
    Dataset<Row> profiles = valued.where(ScoringValues.isScored());
    List<Column> segments = new ArrayList<>();
    List<String> helperColumns = new ArrayList<>();
    for (SegmentLevel level : SegmentLevel.values()) {
      String prefix = "_" + level.name().toLowerCase(Locale.ROOT) + "_";
      String key = prefix + SEGMENT_KEY;
      String contracts = prefix + CONTRACTS;
      String median = prefix + MEDIAN_LOG_VALUE;
      String mad = prefix + MAD_LOG_VALUE;
      String p99 = prefix + P99_LOG_VALUE;
      Dataset<Row> levelStats =
          baselines
              .where(col(LEVEL).equalTo(level.name()))
              .select(
                  col(SEGMENT_KEY).as(key),
                  col(CONTRACTS).as(contracts),
                  col(MEDIAN_LOG_VALUE).as(median),
                  col(MAD_LOG_VALUE).as(mad),
                  col(P99_LOG_VALUE).as(p99));
      profiles =
          profiles.join(
              broadcast(levelStats), SegmentColumns.segmentKey(level).equalTo(col(key)), "left");
      segments.add(
          struct(
              lit(level.name()).as(LEVEL),
              col(key).as(SEGMENT_KEY),
              col(contracts).as(CONTRACTS),
              col(median).as(MEDIAN_LOG_VALUE),
              col(mad).as(MAD_LOG_VALUE),
              col(p99).as(P99_LOG_VALUE)));
      helperColumns.addAll(List.of(key, contracts, median, mad, p99));
    }
    return profiles
        .withColumn(SEGMENTS, array(segments.toArray(Column[]::new)))
        .drop(helperColumns.toArray(String[]::new));
  }

  /** The {@value #SEGMENTS} of a profile row as records, finest first, missing levels left out. */
  public static List<SegmentStats> segmentsOf(Row profile) {
    List<Row> structs = profile.getList(profile.fieldIndex(SEGMENTS));
    List<SegmentStats> stats = new ArrayList<>(structs.size());
    for (Row segment : structs) {
      if (segment.isNullAt(1)) {
        continue;
      }
      stats.add(
          new SegmentStats(
              SegmentLevel.valueOf(segment.getString(0)),
              segment.getString(1),
              segment.getLong(2),
              segment.getDouble(3),
              segment.getDouble(4),
              segment.getDouble(5)));
    }
    return stats;
  }
}
