package org.sentinela.analytics.detect;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.sentinela.model.ContractSchema.FINAL_VALUE;
import static org.sentinela.model.ContractSchema.INITIAL_VALUE;
import static org.sentinela.model.ContractSchema.MODALITY;
import static org.sentinela.model.ContractSchema.NATURAL_KEY;
import static org.sentinela.model.ContractSchema.SIGNATURE_DATE;
import static org.sentinela.model.ContractSchema.SUPPLIER_ID;
import static org.sentinela.model.ContractSchema.SUPPLIER_KIND;
import static org.sentinela.model.ContractSchema.UNIT_CODE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.sentinela.model.Modality;
import org.sentinela.model.SupplierKind;

/**
 * Runs {@link GroupDetector}s over the contracts of each buyer unit and supplier: one shuffle of
 * the candidate contracts by (unit_code, supplier_id), every detector (broadcast once) on each
 * group, one row per finding with the contract columns the {@code anomalies} table carries.
 */
public final class ContractGroups {

  private static final String CONTRACTED_VALUE = "_contracted_value";
  private static final String REPEATED = "_repeated";

  private ContractGroups() {}

  /**
   * The anomalies {@code detector} finds among {@code candidates}, grouped by unit and supplier.
   */
  public static Dataset<Row> detect(Dataset<Row> candidates, GroupDetector detector) {
    return detect(candidates, List.of(detector));
  }

  /**
   * The anomalies {@code detectors} find among {@code candidates}, grouped by unit and supplier:
   * one shuffle for all of them.
   */
  public static Dataset<Row> detect(
      Dataset<Row> candidates, List<? extends GroupDetector> detectors) {
    StructType schema = AnomalyStage.anomalySchema(candidates.schema());
    Broadcast<List<GroupDetector>> shipped =
        JavaSparkContext.fromSparkContext(candidates.sparkSession().sparkContext())
            .broadcast(List.copyOf(detectors));
    MapFunction<Row, String> unitAndSupplier =
        row -> row.getAs(UNIT_CODE) + "|" + row.getAs(SUPPLIER_ID);
    FlatMapGroupsFunction<String, Row, Row> evaluate =
        (key, rows) -> {
          Map<String, Row> byNaturalKey = new HashMap<>();
          List<ContractFacts> group = new ArrayList<>();
          while (rows.hasNext()) {
            Row row = rows.next();
            byNaturalKey.put(row.getAs(NATURAL_KEY), row);
            group.add(ContractFacts.of(row));
          }
          List<Row> anomalies = new ArrayList<>();
          for (GroupDetector detector : shipped.value()) {
            for (GroupFinding found : detector.evaluate(group)) {
              anomalies.add(
                  AnomalyStage.anomalyRow(byNaturalKey.get(found.naturalKey()), found.finding()));
            }
          }
          return anomalies.iterator();
        };
    return candidates
        .groupByKey(unitAndSupplier, Encoders.STRING())
        .flatMapGroups(evaluate, Encoders.row(schema));
  }

  /**
   * The contracts a group detector can flag, so that only they are shuffled: those with an
   * identified supplier and a positive contracted value (initial, else final) that are DISPENSA
   * (CONTRACT_SPLITTING) or share unit, supplier, signature date and contracted value with another
   * contract (DUPLICATE_REGISTRATION; the detector compares the object texts). One aggregation over
   * four short columns and a broadcast join of the repeated keys, which are few (re-registrations,
   * exact duplicates): no shuffle of the contracts themselves.
   */
  public static Dataset<Row> candidates(Dataset<Row> contracts) {
    Column contractedValue =
        when(col(INITIAL_VALUE).gt(0), col(INITIAL_VALUE))
            .when(col(FINAL_VALUE).gt(0), col(FINAL_VALUE));
    Dataset<Row> valued =
        contracts
            .where(col(SUPPLIER_KIND).notEqual(SupplierKind.CLASSIFIED.name()))
            .withColumn(CONTRACTED_VALUE, contractedValue)
            .where(col(CONTRACTED_VALUE).isNotNull());
    List<String> key = List.of(UNIT_CODE, SUPPLIER_ID, SIGNATURE_DATE, CONTRACTED_VALUE);
    List<Column> repeatedKey = new ArrayList<>();
    for (String column : key) {
      repeatedKey.add(col(column).as(REPEATED + column));
    }
    repeatedKey.add(lit(true).as(REPEATED));
    Dataset<Row> repeated =
        valued
            .groupBy(key.stream().map(c -> col(c)).toArray(Column[]::new))
            .count()
            .where(col("count").geq(2))
            .select(repeatedKey.toArray(Column[]::new));
    Column sameKey =
        key.stream()
            .map(c -> valued.col(c).equalTo(repeated.col(REPEATED + c)))
            .reduce(Column::and)
            .orElseThrow();
    return valued
        .join(broadcast(repeated), sameKey, "left_outer")
        .where(col(MODALITY).equalTo(Modality.DISPENSA.name()).or(col(REPEATED).isNotNull()))
        .select(AnomalyStage.CONTRACT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
