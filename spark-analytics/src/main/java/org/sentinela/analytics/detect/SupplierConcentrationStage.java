package org.sentinela.analytics.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.sentinela.model.ContractSchema.FINAL_VALUE;
import static org.sentinela.model.ContractSchema.INITIAL_VALUE;
import static org.sentinela.model.ContractSchema.SIGNATURE_DATE;
import static org.sentinela.model.ContractSchema.SUPPLIER_ID;
import static org.sentinela.model.ContractSchema.SUPPLIER_KIND;
import static org.sentinela.model.ContractSchema.UNIT_CODE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.sentinela.analytics.detect.SupplierConcentrationDetector.Assessment;
import org.sentinela.analytics.detect.SupplierShares.SupplierTotal;
import org.sentinela.model.SupplierKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SupplierConcentrationDetector} over the contracts: two aggregations (per unit, year
 * and supplier, then per unit and year, with partial aggregation, so only sums are shuffled), the
 * shares of each eligible unit-year computed on the executors and collected (one small row each),
 * the peer groups and tests on the driver, then the top suppliers' contracts of the flagged
 * unit-years only, read back for the evidence. One anomaly row per flagged unit-year, carried by
 * the top supplier's dearest contract.
 */
public final class SupplierConcentrationStage {

  private static final Logger log = LoggerFactory.getLogger(SupplierConcentrationStage.class);

  private static final String VALUE = "_value";
  private static final String YEAR = "_year";
  private static final String CONTRACTS = "_contracts";
  private static final String SUPPLIERS = "_suppliers";

  private SupplierConcentrationStage() {}

  /**
   * The anomalies {@code detector} finds among {@code contracts} (lake contract columns), and how
   * many hypotheses it tested.
   */
  public static UnitYearFindings detect(
      Dataset<Row> contracts, SupplierConcentrationDetector detector) {
    Dataset<Row> columns =
        contracts.select(
            AnomalyStage.CONTRACT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    StructType schema = AnomalyStage.anomalySchema(columns.schema());
    List<SupplierShares> unitYears = unitYears(columns, detector);
    List<Assessment> examined = detector.assess(unitYears);
    List<Assessment> flagged = examined.stream().filter(Assessment::flagged).toList();
    log.info(
        "{}: {} unit-years with enough contracts and value, {} examined in peer groups of at"
            + " least {}, {} flagged",
        SupplierConcentrationDetector.NAME,
        unitYears.size(),
        examined.size(),
        detector.minPeers(),
        flagged.size());
    if (flagged.isEmpty()) {
      return new UnitYearFindings(
          SupplierConcentrationDetector.NAME,
          contracts.sparkSession().createDataFrame(List.of(), schema),
          examined.size());
    }
    Set<String> units = new TreeSet<>();
    Set<String> suppliers = new TreeSet<>();
    for (Assessment assessment : flagged) {
      units.add(assessment.unitYear().unitCode());
      suppliers.add(assessment.unitYear().topSupplierId());
    }
    Map<String, List<ContractFacts>> byUnitYearSupplier = new HashMap<>();
    Map<String, Row> byNaturalKey = new HashMap<>();
    List<Row> candidates =
        columns
            .where(
                col(UNIT_CODE)
                    .isin(units.toArray())
                    .and(col(SUPPLIER_ID).isin(suppliers.toArray())))
            .collectAsList();
    for (Row row : candidates) {
      ContractFacts contract = ContractFacts.of(row);
      if (contract.supplierIdentified() && contract.contractedValue() != null) {
        byNaturalKey.put(contract.naturalKey(), row);
        byUnitYearSupplier
            .computeIfAbsent(
                key(contract.unitCode(), contract.signatureDate().getYear(), contract.supplierId()),
                k -> new ArrayList<>())
            .add(contract);
      }
    }
    List<Row> anomalies = new ArrayList<>();
    for (Assessment assessment : flagged) {
      SupplierShares unitYear = assessment.unitYear();
      GroupFinding found =
          detector.finding(
              assessment,
              byUnitYearSupplier.getOrDefault(
                  key(unitYear.unitCode(), unitYear.year(), unitYear.topSupplierId()), List.of()));
      anomalies.add(AnomalyStage.anomalyRow(byNaturalKey.get(found.naturalKey()), found.finding()));
    }
    return new UnitYearFindings(
        SupplierConcentrationDetector.NAME,
        contracts.sparkSession().createDataFrame(anomalies, schema),
        examined.size());
  }

  /**
   * The supplier shares of every unit-year with at least the detector's minimum contracts and
   * value: contracts with an identified supplier and a positive contracted value (initial, else
   * final), by year of signature.
   */
  static List<SupplierShares> unitYears(
      Dataset<Row> contracts, SupplierConcentrationDetector detector) {
    Column contractedValue =
        when(col(INITIAL_VALUE).gt(0), col(INITIAL_VALUE))
            .when(col(FINAL_VALUE).gt(0), col(FINAL_VALUE));
    MapFunction<Row, SupplierShares> shares =
        row -> {
          List<SupplierTotal> totals = new ArrayList<>();
          for (Row supplier : row.<Row>getList(3)) {
            totals.add(
                new SupplierTotal(
                    supplier.getString(0), supplier.getDecimal(1), supplier.getLong(2)));
          }
          return SupplierShares.of(row.getString(0), row.getInt(1), totals);
        };
    return contracts
        .where(col(SUPPLIER_KIND).notEqual(SupplierKind.CLASSIFIED.name()))
        .withColumn(VALUE, contractedValue)
        .where(col(VALUE).isNotNull())
        .withColumn(YEAR, year(col(SIGNATURE_DATE)))
        .groupBy(UNIT_CODE, YEAR, SUPPLIER_ID)
        .agg(sum(VALUE).as(VALUE), count(lit(1)).as(CONTRACTS))
        .groupBy(UNIT_CODE, YEAR)
        .agg(
            sum(CONTRACTS).as(CONTRACTS),
            sum(VALUE).as(VALUE),
            collect_list(struct(col(SUPPLIER_ID), col(VALUE), col(CONTRACTS))).as(SUPPLIERS))
        .where(
            col(CONTRACTS)
                .geq(detector.minContracts())
                .and(col(VALUE).geq(lit(detector.minTotalValue()))))
        .select(UNIT_CODE, YEAR, CONTRACTS, SUPPLIERS)
        .map(shares, Encoders.javaSerialization(SupplierShares.class))
        .collectAsList();
  }

  private static String key(String unitCode, int year, String supplierId) {
    return unitCode + "|" + year + "|" + supplierId;
  }
}
