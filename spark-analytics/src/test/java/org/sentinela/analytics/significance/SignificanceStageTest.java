package org.sentinela.analytics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.detect.AnomalyStage;
import org.sentinela.analytics.fixtures.SharedSpark;

class SignificanceStageTest {

  private static final StructType FINDINGS =
      new StructType()
          .add(AnomalyStage.ANOMALY_ID, DataTypes.StringType, false)
          .add(AnomalyStage.DETECTOR, DataTypes.StringType, false)
          .add(AnomalyStage.P_VALUE, DataTypes.DoubleType, false)
          .add(AnomalyStage.SCORE, DataTypes.DoubleType, false);

  private static Dataset<Row> findings(List<Row> rows, int partitions) {
    return SharedSpark.session().createDataFrame(rows, FINDINGS).repartition(partitions);
  }

  @Test
  void theBenjaminiHochbergExampleSpreadOverPartitionsGivesRsQValues() {
    double[] p = {
      0.0278, 0.0001, 0.6528, 0.0298, 0.0019, 0.3240, 0.0095, 0.4262, 0.0004, 0.0201, 0.5719,
      0.0344, 0.7590, 0.0459, 1.000
    };
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      rows.add(RowFactory.create(String.format("id-%02d", i), i % 2 == 0 ? "A" : "B", p[i], 1.0));
    }

    List<Row> adjusted =
        SignificanceStage.adjust(findings(rows, 4), p.length).collectAsList().stream()
            .sorted(Comparator.comparing((Row r) -> r.getString(0)))
            .toList();

    double[] expected = BenjaminiHochberg.adjust(p, p.length);
    assertThat(adjusted).hasSize(p.length);
    for (int i = 0; i < p.length; i++) {
      Row row = adjusted.get(i);
      assertThat(row.getDouble(2)).isEqualTo(p[i]);
      assertThat(row.<Double>getAs(SignificanceStage.Q_VALUE))
          .as("q of p=%s", p[i])
          .isEqualTo(expected[i]);
      assertThat(row.<String>getAs(SignificanceStage.SEVERITY))
          .isEqualTo(Severity.of(expected[i]).name());
    }
    // p = 0.0001 → q = 0.0015 (HIGH); p = 0.0095 → 0.035625 (MEDIUM); p = 0.0278 → 0.0639 (LOW)
    assertThat(adjusted.get(1).<String>getAs(SignificanceStage.SEVERITY)).isEqualTo("HIGH");
    assertThat(adjusted.get(6).<String>getAs(SignificanceStage.SEVERITY)).isEqualTo("MEDIUM");
    assertThat(adjusted.get(0).<String>getAs(SignificanceStage.SEVERITY)).isEqualTo("LOW");
  }

  @Test
  void manyFindingsWithTiesAcrossPartitionsMatchThePlainJavaAdjustment() {
    Random random = new Random(7);
    int n = 500;
    double[] p = new double[n];
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // a tenth tied at a handful of values, the rest spread over eight orders of magnitude
      p[i] = i % 10 == 0 ? 1e-4 * (1 + i % 3) : Math.pow(10, -8 * random.nextDouble());
      rows.add(RowFactory.create(String.format("id-%04d", i), "A", p[i], 1.0));
    }
    long m = 20_000;

    List<Row> adjusted =
        SignificanceStage.adjust(findings(rows, 7), m).collectAsList().stream()
            .sorted(Comparator.comparing((Row r) -> r.getString(0)))
            .toList();

    double[] expected = BenjaminiHochberg.adjust(p, m);
    for (int i = 0; i < n; i++) {
      assertThat(adjusted.get(i).<Double>getAs(SignificanceStage.Q_VALUE)).isEqualTo(expected[i]);
    }
  }

  @Test
  void aRuleFindingFarPastItsLegalLimitIsHighWhateverItsQValue() {
    List<Row> rows =
        List.of(
            RowFactory.create("amended-97x", "AMENDMENT_OVER_LIMIT", 0.2, 10.0),
            RowFactory.create("amended-1.3x", "AMENDMENT_OVER_LIMIT", 0.2, 1.3),
            RowFactory.create("amended-1.05x", "AMENDMENT_OVER_LIMIT", 0.2, 1.05),
            RowFactory.create("outlier", "VALUE_OUTLIER", 0.2, 10.0));

    List<Row> adjusted =
        SignificanceStage.adjust(findings(rows, 2), 4).collectAsList().stream()
            .sorted(Comparator.comparing((Row r) -> r.getString(0)))
            .toList();

    assertThat(adjusted)
        .extracting(
            r -> r.getString(0) + "|" + r.<String>getAs(SignificanceStage.SEVERITY),
            r -> r.<Double>getAs(SignificanceStage.Q_VALUE))
        .containsExactly(
            tuple("amended-1.05x|LOW", 0.2),
            tuple("amended-1.3x|MEDIUM", 0.2),
            tuple("amended-97x|HIGH", 0.2),
            tuple("outlier|LOW", 0.2));
  }

  @Test
  void aNightWithoutFindingsStaysEmpty() {
    assertThat(SignificanceStage.adjust(findings(List.of(), 2), 100).count()).isZero();
  }
}
