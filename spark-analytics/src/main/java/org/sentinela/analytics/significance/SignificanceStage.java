package org.sentinela.analytics.significance;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sentinela.analytics.detect.AnomalyStage;
import scala.Tuple2;

/**
 * The night's significance: Benjamini–Hochberg q-values across all of the night's findings, every
 * detector together, and the severity of each ({@link Severity}: its q-value band, raised by a
 * legal-rule finding's excess over the limit).
 *
 * <p>One global sort by (p-value, anomaly id), range-partitioned, numbered with {@code
 * zipWithIndex}; one small job collects each partition's minimum of p · m / rank; each partition
 * then walks its rows backwards from the minimum of the partitions after it. No partition is moved
 * to one executor, and only one number per partition reaches the driver.
 */
public final class SignificanceStage {

  public static final String Q_VALUE = "q_value";
  public static final String SEVERITY = "severity";

  private SignificanceStage() {}

  /**
   * The anomaly rows of {@code anomalies} (with a {@value AnomalyStage#P_VALUE} column) with
   * {@value #Q_VALUE} and {@value #SEVERITY} added.
   *
   * @param hypotheses m: every hypothesis the night tested, at least the number of rows
   */
  public static Dataset<Row> adjust(Dataset<Row> anomalies, long hypotheses) {
    StructType schema =
        anomalies
            .schema()
            .add(Q_VALUE, DataTypes.DoubleType, false)
            .add(SEVERITY, DataTypes.StringType, false);
    int pIndex = anomalies.schema().fieldIndex(AnomalyStage.P_VALUE);
    int detectorIndex = anomalies.schema().fieldIndex(AnomalyStage.DETECTOR);
    int scoreIndex = anomalies.schema().fieldIndex(AnomalyStage.SCORE);
    JavaPairRDD<Row, Long> ranked =
        anomalies
            .orderBy(col(AnomalyStage.P_VALUE), col(AnomalyStage.ANOMALY_ID))
            .javaRDD()
            .zipWithIndex();
    FlatMapFunction<Iterator<Tuple2<Row, Long>>, Double> partitionMinimum =
        rows -> {
          List<Tuple2<Row, Long>> run = new ArrayList<>();
          rows.forEachRemaining(run::add);
          return List.of(
                  BenjaminiHochberg.runMinimum(pValues(run, pIndex), firstRank(run), hypotheses))
              .iterator();
        };
    List<Double> minima = ranked.mapPartitions(partitionMinimum).collect();
    double[] carried = new double[minima.size()];
    double later = 1.0;
    for (int i = minima.size() - 1; i >= 0; i--) {
      carried[i] = later;
      later = Math.min(later, minima.get(i));
    }
    Function2<Integer, Iterator<Tuple2<Row, Long>>, Iterator<Row>> withQ =
        (partition, rows) -> {
          List<Tuple2<Row, Long>> run = new ArrayList<>();
          rows.forEachRemaining(run::add);
          double[] q =
              BenjaminiHochberg.adjustSorted(
                  pValues(run, pIndex), firstRank(run), hypotheses, carried[partition]);
          List<Row> out = new ArrayList<>(run.size());
          for (int k = 0; k < run.size(); k++) {
            Row row = run.get(k)._1();
            Object[] values = new Object[row.length() + 2];
            for (int c = 0; c < row.length(); c++) {
              values[c] = row.get(c);
            }
            values[row.length()] = q[k];
            values[row.length() + 1] =
                Severity.of(q[k], row.getString(detectorIndex), row.getDouble(scoreIndex)).name();
            out.add(RowFactory.create(values));
          }
          return out.iterator();
        };
    JavaRDD<Row> adjusted = ranked.mapPartitionsWithIndex(withQ, true);
    return anomalies.sparkSession().createDataFrame(adjusted, schema);
  }

  private static double[] pValues(List<Tuple2<Row, Long>> run, int pIndex) {
    return run.stream().mapToDouble(r -> r._1().getDouble(pIndex)).toArray();
  }

  private static long firstRank(List<Tuple2<Row, Long>> run) {
    return run.isEmpty() ? 1 : run.get(0)._2() + 1;
  }
}
