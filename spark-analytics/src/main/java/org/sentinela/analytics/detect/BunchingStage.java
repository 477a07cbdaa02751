package org.sentinela.analytics.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.sentinela.model.ContractSchema.MODALITY;
import static org.sentinela.model.ContractSchema.UNIT_CODE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sentinela.analytics.detect.BunchingDetector.Assessment;
import org.sentinela.analytics.detect.BunchingDetector.Cell;
import org.sentinela.analytics.detect.BunchingDetector.Position;
import org.sentinela.analytics.legal.LimitKind;
import org.sentinela.model.Modality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link BunchingDetector} over the contracts: each DISPENSA placed against its limits on the
 * executors, one aggregation to counts per unit, year and limit kind (collected: one row per cell),
 * the tests on the driver, then the dispensas of the flagged units only, read back for the
 * evidence. One anomaly row per flagged cell, carried by its dearest band contract.
 */
public final class BunchingStage {

  private static final Logger log = LoggerFactory.getLogger(BunchingStage.class);

  private static final String YEAR = "year";
  private static final String KIND = "limit_kind";
  private static final String IN_WINDOW = "in_window";
  private static final String IN_BAND = "in_band";
  private static final String IN_ADJACENT = "in_adjacent";

  private static final StructType POSITIONS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(UNIT_CODE, DataTypes.StringType, false),
              DataTypes.createStructField(YEAR, DataTypes.IntegerType, false),
              DataTypes.createStructField(KIND, DataTypes.StringType, false),
              DataTypes.createStructField(IN_WINDOW, DataTypes.IntegerType, false),
              DataTypes.createStructField(IN_BAND, DataTypes.IntegerType, false),
              DataTypes.createStructField(IN_ADJACENT, DataTypes.IntegerType, false)));

  private BunchingStage() {}

  /**
   * The anomalies {@code detector} finds among {@code contracts} (lake contract columns), and how
   * many hypotheses it tested.
   */
  public static UnitYearFindings detect(Dataset<Row> contracts, BunchingDetector detector) {
    Dataset<Row> dispensas =
        contracts
            .where(col(MODALITY).equalTo(Modality.DISPENSA.name()))
            .select(AnomalyStage.CONTRACT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    StructType schema = AnomalyStage.anomalySchema(dispensas.schema());
    List<Cell> cells = cells(dispensas, detector);
    List<Assessment> examined = detector.assess(cells);
    List<Assessment> flagged = examined.stream().filter(Assessment::flagged).toList();
    log.info(
        "{}: {} cells (unit × year × limit), {} examined, {} flagged; expected band shares {}",
        BunchingDetector.NAME,
        cells.size(),
        examined.size(),
        flagged.size(),
        detector.expectedShares(cells).values());
    if (flagged.isEmpty()) {
      return new UnitYearFindings(
          BunchingDetector.NAME,
          contracts.sparkSession().createDataFrame(List.of(), schema),
          examined.size());
    }
    Set<String> units = new TreeSet<>();
    flagged.forEach(a -> units.add(a.cell().unitCode()));
    Map<CellKey, List<Position>> bands = new HashMap<>();
    Map<String, Row> byNaturalKey = new HashMap<>();
    for (Row row : dispensas.where(col(UNIT_CODE).isin(units.toArray())).collectAsList()) {
      ContractFacts contract = ContractFacts.of(row);
      byNaturalKey.put(contract.naturalKey(), row);
      for (Position position : detector.positions(contract)) {
        if (position.inBand()) {
          bands
              .computeIfAbsent(
                  new CellKey(contract.unitCode(), position.year(), position.limit().kind()),
                  k -> new ArrayList<>())
              .add(position);
        }
      }
    }
    List<Row> anomalies = new ArrayList<>();
    for (Assessment assessment : flagged) {
      Cell cell = assessment.cell();
      GroupFinding found =
          detector.finding(
              assessment,
              bands.getOrDefault(
                  new CellKey(cell.unitCode(), cell.year(), cell.kind()), List.of()));
      anomalies.add(AnomalyStage.anomalyRow(byNaturalKey.get(found.naturalKey()), found.finding()));
    }
    return new UnitYearFindings(
        BunchingDetector.NAME,
        contracts.sparkSession().createDataFrame(anomalies, schema),
        examined.size());
  }

  /** The counts of every unit, year and limit kind that has a dispensa at or under the limit. */
  static List<Cell> cells(Dataset<Row> dispensas, BunchingDetector detector) {
    FlatMapFunction<Row, Row> place =
        row -> {
          List<Row> rows = new ArrayList<>(2);
          for (Position p : detector.positions(ContractFacts.of(row))) {
            rows.add(
                RowFactory.create(
                    p.contract().unitCode(),
                    p.year(),
                    p.limit().kind().name(),
                    p.inWindow() ? 1 : 0,
                    p.inBand() ? 1 : 0,
                    p.inAdjacent() ? 1 : 0));
          }
          return rows.iterator();
        };
    return dispensas
        .flatMap(place, Encoders.row(POSITIONS))
        .groupBy(UNIT_CODE, YEAR, KIND)
        .agg(
            count(lit(1)).as("dispensas"),
            sum(IN_WINDOW).as(IN_WINDOW),
            sum(IN_BAND).as(IN_BAND),
            sum(IN_ADJACENT).as(IN_ADJACENT))
        .collectAsList()
        .stream()
        .map(
            r ->
                new Cell(
                    r.getString(0),
                    r.getInt(1),
                    LimitKind.valueOf(r.getString(2)),
                    r.getLong(3),
                    r.getLong(4),
                    r.getLong(5),
                    r.getLong(6)))
        .toList();
  }

  private record CellKey(String unitCode, int year, LimitKind kind) {}
}
