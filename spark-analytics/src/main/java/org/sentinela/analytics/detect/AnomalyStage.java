package org.sentinela.analytics.detect;

import static org.sentinela.analytics.baseline.ScoringValues.LOG_VALUE;
import static org.sentinela.analytics.baseline.ScoringValues.VALUE_COLUMN;
import static org.sentinela.analytics.baseline.ScoringValues.VALUE_USED;
import static org.sentinela.model.ContractSchema.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sentinela.analytics.baseline.SegmentProfiles;
import org.sentinela.analytics.significance.Severity;
import org.sentinela.analytics.significance.SignificanceStage;

/**
 * Runs a {@link Detector} over contract profiles on the executors and keeps the findings: one row
 * per anomaly, with the contract columns the {@code anomalies} table carries and the finding's
 * (score, p-value, threshold, evidence…); {@link SignificanceStage} adds q-value and severity.
 */
public final class AnomalyStage {

  /** Contract columns copied into each anomaly row, in {@link ContractDetails} order. */
  public static final List<String> CONTRACT_COLUMNS =
      List.of(
          NATURAL_KEY,
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
          FINAL_VALUE);

  public static final String ANOMALY_ID = "anomaly_id";
  public static final String DETECTOR = "detector";
  public static final String SCORE = "score";
  public static final String P_VALUE = "p_value";
  public static final String THRESHOLD = "threshold";
  public static final String THRESHOLD_VERSION = "threshold_version";
  public static final String EVIDENCE = "evidence";
  public static final String EXPLANATION = "explanation";

  private AnomalyStage() {}

  /**
   * The anomalies {@code detector} finds among {@code profiles} (output of {@link
   * SegmentProfiles#attach}).
   */
  public static Dataset<Row> detect(Dataset<Row> profiles, Detector detector) {
    return detect(profiles, List.of(detector));
  }

  /**
   * The anomalies {@code detectors} find among {@code profiles}, in one pass: each contract is
   * shown to every detector, so it may get one finding from each. The detectors (VALUE_OUTLIER
   * carries the night's seasonal factors) are broadcast once, not shipped with every task.
   */
  public static Dataset<Row> detect(Dataset<Row> profiles, List<? extends Detector> detectors) {
    StructType schema = anomalySchema(profiles.schema());
    Broadcast<List<Detector>> shipped =
        JavaSparkContext.fromSparkContext(profiles.sparkSession().sparkContext())
            .broadcast(List.copyOf(detectors));
    FlatMapFunction<Row, Row> evaluate =
        profile -> {
          ContractProfile contract = profileOf(profile);
          List<Row> anomalies = new ArrayList<>(1);
          for (Detector detector : shipped.value()) {
            detector.evaluate(contract).ifPresent(f -> anomalies.add(anomalyRow(profile, f)));
          }
          return anomalies.iterator();
        };
    return profiles.flatMap(evaluate, Encoders.row(schema));
  }

  /** The detector's view of a profile row. */
  public static ContractProfile profileOf(Row profile) {
    return new ContractProfile(
        ContractFacts.of(profile),
        profile.getAs(BUYER_UF),
        profile.getAs(SUPERIOR_ORGAN_CODE),
        profile.getAs(VALUE_COLUMN),
        profile.getAs(VALUE_USED),
        profile.<Double>getAs(LOG_VALUE),
        SegmentProfiles.segmentsOf(profile));
  }

  /**
   * An anomaly row (see {@link #detect}) with its significance ({@link SignificanceStage}) as a
   * record.
   */
  public static Anomaly toAnomaly(Row row) {
    ContractDetails contract =
        new ContractDetails(
            row.getAs(NATURAL_KEY),
            row.getAs(CONTRACT_NUMBER),
            row.getAs(SUPERIOR_ORGAN_CODE),
            row.getAs(SUPERIOR_ORGAN_NAME),
            row.getAs(ORGAN_CODE),
            row.getAs(ORGAN_NAME),
            row.getAs(UNIT_CODE),
            row.getAs(UNIT_NAME),
            row.getAs(BUYER_UF),
            row.getAs(BUYER_MUNICIPALITY_IBGE),
            row.getAs(SUPPLIER_ID),
            row.getAs(SUPPLIER_KIND),
            row.getAs(SUPPLIER_NAME),
            row.getAs(MODALITY),
            row.getAs(OBJECT_TEXT),
            ContractFacts.localDate(row.getAs(SIGNATURE_DATE)),
            ContractFacts.localDate(row.getAs(PUBLICATION_DATE)),
            row.getAs(INITIAL_VALUE),
            row.getAs(FINAL_VALUE));
    BigDecimal threshold = row.<BigDecimal>getAs(THRESHOLD).stripTrailingZeros();
    Finding finding =
        new Finding(
            row.getAs(ANOMALY_ID),
            row.getAs(DETECTOR),
            row.<Double>getAs(SCORE),
            row.<Double>getAs(P_VALUE),
            threshold.scale() < 0 ? threshold.setScale(0) : threshold,
            row.<Integer>getAs(THRESHOLD_VERSION),
            row.getAs(EVIDENCE),
            row.getAs(EXPLANATION));
    return new Anomaly(
        contract,
        finding,
        row.<Double>getAs(SignificanceStage.Q_VALUE),
        Severity.valueOf(row.getAs(SignificanceStage.SEVERITY)));
  }

  /** An anomaly row: the contract columns of {@code contract}, then the finding's. */
  static Row anomalyRow(Row contract, Finding finding) {
    List<Object> values = new ArrayList<>(CONTRACT_COLUMNS.size() + 8);
    for (String column : CONTRACT_COLUMNS) {
      values.add(contract.getAs(column));
    }
    values.add(finding.anomalyId());
    values.add(finding.detector());
    values.add(finding.score());
    values.add(finding.pValue());
    values.add(finding.threshold());
    values.add(finding.thresholdVersion());
    values.add(finding.evidenceJson());
    values.add(finding.explanation());
    return RowFactory.create(values.toArray());
  }

  /** The schema of anomaly rows made from rows of schema {@code contracts}. */
  static StructType anomalySchema(StructType contracts) {
    List<StructField> fields = new ArrayList<>();
    for (String column : CONTRACT_COLUMNS) {
      fields.add(contracts.apply(column));
    }
    fields.add(DataTypes.createStructField(ANOMALY_ID, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(DETECTOR, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(SCORE, DataTypes.DoubleType, false));
    fields.add(DataTypes.createStructField(P_VALUE, DataTypes.DoubleType, false));
    fields.add(DataTypes.createStructField(THRESHOLD, DataTypes.createDecimalType(38, 18), false));
    fields.add(DataTypes.createStructField(THRESHOLD_VERSION, DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField(EVIDENCE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(EXPLANATION, DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }
}
