package org.sentinela.analytics.lake;

import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.model.LakeLayout;

/**
 * Writes a night's baselines and seasonal factors into the lake, beside the contracts and in the
 * same way: {@code LAKE/TABLE/snapshots/RUN_ID/part-*.parquet}, written under {@code
 * RUN_ID.staging} and renamed, then {@code LAKE/TABLE/CURRENT} replaced by an atomic rename. A run
 * written again replaces its snapshot. Every run's snapshot is kept (they are small): the lake
 * holds the baselines' history.
 */
public final class ResultSnapshots {

  /** Table of the per-segment baselines (the {@code baselines} columns and {@code run_id}). */
  public static final String BASELINES = "baselines";

  /** Table of the seasonal factors (the {@code seasonal_factors} columns). */
  public static final String SEASONAL_FACTORS = "seasonal_factors";

  public static final String RUN_ID = "run_id";

  static final StructType SEASONAL_FACTOR_SCHEMA =
      new StructType()
          .add(RUN_ID, DataTypes.StringType, false)
          .add("level", DataTypes.StringType, false)
          .add("segment_key", DataTypes.StringType, false)
          .add("month", DataTypes.IntegerType, false)
          .add("observations", DataTypes.LongType, false)
          .add("years", DataTypes.IntegerType, false)
          .add("median", DataTypes.DoubleType, false)
          .add("raw_factor", DataTypes.DoubleType, false)
          .add("weight", DataTypes.DoubleType, false)
          .add("factor", DataTypes.DoubleType, false)
          .add("anchor_level", DataTypes.StringType, true);

  private ResultSnapshots() {}

  /**
   * Writes both tables for {@code runId}.
   *
   * @param baselines output of {@code SegmentBaselines.compute}
   * @param factors the seasonal factors
   */
  public static void write(
      Path lake, String runId, Dataset<Row> baselines, List<SeasonalFactor> factors) {
    writeTable(lake, BASELINES, runId, baselines.withColumn(RUN_ID, lit(runId)));
    SparkSession spark = baselines.sparkSession();
    List<Row> rows =
        factors.stream()
            .map(
                f ->
                    RowFactory.create(
                        runId,
                        f.level(),
                        f.segmentKey(),
                        f.month(),
                        f.observations(),
                        f.years(),
                        f.median(),
                        f.rawFactor(),
                        f.weight(),
                        f.factor(),
                        f.anchorLevel()))
            .toList();
    writeTable(lake, SEASONAL_FACTORS, runId, spark.createDataFrame(rows, SEASONAL_FACTOR_SCHEMA));
  }

  private static void writeTable(Path lake, String table, String runId, Dataset<Row> rows) {
    Path snapshot = LakeLayout.snapshot(lake, table, runId);
    Path staging = snapshot.resolveSibling(runId + ".staging");
    try {
      deleteRecursively(staging);
      rows.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(staging.toUri().toString());
      deleteRecursively(snapshot);
      Files.move(staging, snapshot, StandardCopyOption.ATOMIC_MOVE);
      Path folder = LakeLayout.table(lake, table);
      Path pointer = folder.resolve(LakeLayout.CURRENT);
      Path next = folder.resolve(LakeLayout.CURRENT + ".next");
      Files.writeString(next, runId + "\n");
      Files.move(next, pointer, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + table + " snapshot " + snapshot, e);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
