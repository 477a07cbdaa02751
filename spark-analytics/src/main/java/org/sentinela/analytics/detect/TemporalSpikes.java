package org.sentinela.analytics.detect;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ln;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.year;
import static org.sentinela.model.ContractSchema.BUYER_UF;
import static org.sentinela.model.ContractSchema.NATURAL_KEY;
import static org.sentinela.model.ContractSchema.SIGNATURE_DATE;
import static org.sentinela.model.ContractSchema.UNIT_CODE;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.sentinela.analytics.baseline.ScoringValues;
import org.sentinela.analytics.baseline.SeasonalCell;
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.baseline.SeasonalStats;
import org.sentinela.analytics.baseline.SegmentBaselines;
import org.sentinela.analytics.baseline.SegmentColumns;

/**
 * TEMPORAL_SPIKE's Spark stages: the buyer units' month counts and totals (one hash aggregation of
 * the scored contracts), the seasonal factors of month counts, the scores of every tested
 * unit-month (grouped by unit, scored in plain Java by {@link TemporalSpikeDetector}), and the
 * anomaly rows of the spikes (their months' contracts found with a broadcast join of the few
 * flagged keys).
 */
public final class TemporalSpikes {

  public static final String YEAR = "year";
  public static final String MONTH = "month";
  public static final String CONTRACTS = "contracts";
  public static final String TOTAL = "total";

  private static final String DEVIATION = "_deviation";
  private static final String LEVEL = SegmentBaselines.LEVEL;
  private static final String SEGMENT_KEY = SegmentBaselines.SEGMENT_KEY;
  private static final String PARENT_LEVEL = "parent_level";
  private static final String PARENT_KEY = "parent_key";

  private TemporalSpikes() {}

  /**
   * A night's spikes.
   *
   * @param anomalies their anomaly rows (lazy: they read the contracts when first used)
   * @param tested unit-months tested (TEMPORAL_SPIKE's hypotheses)
   * @param seasonalFactors the seasonal factors of month counts used
   */
  public record Result(Dataset<Row> anomalies, long tested, SeasonalFactors seasonalFactors) {}

  /**
   * Runs the whole detector: month counts, their seasonal factors, the scores (counted), the spikes
   * (collected: few) and their anomaly rows.
   */
  public static Result detect(Dataset<Row> valued, TemporalSpikeDetector configured) {
    // every unit-month, cached: the coverage count and all later steps read it, not the contracts
    Dataset<Row> all = unitMonths(valued).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> months = covered(all, configured);
      SeasonalFactors factors = seasonalFactors(months, configured.minMonths());
      TemporalSpikeDetector detector = configured.withSeasonalFactors(factors);
      SpikeTally tally = tally(score(months, detector), detector);
      return new Result(findings(valued, tally.spikes(), detector), tally.tested(), factors);
    } finally {
      all.unpersist();
    }
  }

  /**
   * One row per buyer unit and calendar month with scored contracts: unit_code, buyer_uf (the
   * greatest of the month's, for a unit that moved), year, month, contracts, total (sum of the
   * scored values). {@code valued} is the output of {@link ScoringValues#withValueUsed}.
   */
  public static Dataset<Row> unitMonths(Dataset<Row> valued) {
    return valued
        .where(ScoringValues.isScored())
        .groupBy(
            col(UNIT_CODE),
            year(col(SIGNATURE_DATE)).as(YEAR),
            month(col(SIGNATURE_DATE)).as(MONTH))
        .agg(
            max(col(BUYER_UF)).as(BUYER_UF),
            count(lit(1)).as(CONTRACTS),
            sum(col(ScoringValues.VALUE_USED)).as(TOTAL))
        .select(col(UNIT_CODE), col(BUYER_UF), col(YEAR), col(MONTH), col(CONTRACTS), col(TOTAL));
  }

  /**
   * The unit-months of the calendar months the lake covers ({@link
   * TemporalSpikeDetector#coveredMonths}), from the national count of each month (a few hundred
   * rows, collected).
   */
  public static Dataset<Row> covered(Dataset<Row> unitMonths, TemporalSpikeDetector detector) {
    Column calendarMonth = col(YEAR).multiply(12).plus(col(MONTH)).minus(1);
    Map<Integer, Long> national = new HashMap<>();
    for (Row row :
        unitMonths.groupBy(calendarMonth.as("_m")).agg(sum(col(CONTRACTS))).collectAsList()) {
      national.put(row.getInt(0), row.getLong(1));
    }
    return unitMonths.where(calendarMonth.isInCollection(detector.coveredMonths(national)));
  }

  /**
   * The seasonal factors of month counts ({@link UnitMonthLevel}): the observation is ln of a
   * unit's contracts in a month minus the median over its months, for units with at least {@code
   * minMonths} months; estimated like the contract values' factors ({@link SeasonalFactors}).
   */
  public static SeasonalFactors seasonalFactors(Dataset<Row> unitMonths, int minMonths) {
    Column logContracts = ln(col(CONTRACTS).cast("double"));
    Dataset<Row> units =
        unitMonths
            .groupBy(col(UNIT_CODE).as("_unit"))
            .agg(
                count(lit(1)).as("_months"),
                percentile_approx(logContracts, lit(0.5), lit(SeasonalStats.MEDIAN_ACCURACY))
                    .as("_unit_median"))
            .where(col("_months").geq(minMonths));
    Column[] perLevel = new Column[UnitMonthLevel.values().length];
    for (UnitMonthLevel level : UnitMonthLevel.values()) {
      UnitMonthLevel parent = level.parent();
      perLevel[level.ordinal()] =
          struct(
              lit(level.name()).as(LEVEL),
              key(level).as(SEGMENT_KEY),
              (parent == null ? lit(null).cast("string") : lit(parent.name())).as(PARENT_LEVEL),
              (parent == null ? lit(null).cast("string") : key(parent)).as(PARENT_KEY));
    }
    Dataset<Row> observations =
        unitMonths
            .join(broadcast(units), col(UNIT_CODE).equalTo(col("_unit")))
            .select(
                logContracts.minus(col("_unit_median")).as(DEVIATION),
                col(YEAR),
                col(MONTH),
                explode(array(perLevel)).as("_segment"))
            .select(col("_segment.*"), col(YEAR), col(MONTH), col(DEVIATION))
            .cache();
    try {
      Map<String, Double> medians = new HashMap<>();
      for (Row row :
          observations
              .groupBy(col(LEVEL), col(SEGMENT_KEY))
              .agg(median(col(DEVIATION)))
              .collectAsList()) {
        medians.put(SeasonalFactors.segment(row.getString(0), row.getString(1)), row.getDouble(2));
      }
      List<SeasonalCell> cells = new ArrayList<>();
      for (Row row :
          observations
              .groupBy(col(LEVEL), col(SEGMENT_KEY), col(PARENT_LEVEL), col(PARENT_KEY), col(MONTH))
              .agg(count(lit(1)), size(collect_set(col(YEAR))), median(col(DEVIATION)))
              .collectAsList()) {
        cells.add(
            new SeasonalCell(
                row.getString(0),
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getInt(4),
                row.getLong(5),
                row.getInt(6),
                row.getDouble(7)));
      }
      return SeasonalFactors.estimate(cells, medians);
    } finally {
      observations.unpersist();
    }
  }

  /** Every tested unit-month of {@code unitMonths}, scored by {@code detector} unit by unit. */
  public static Dataset<UnitMonthScore> score(
      Dataset<Row> unitMonths, TemporalSpikeDetector detector) {
    MapFunction<Row, String> unit = row -> row.getAs(UNIT_CODE);
    FlatMapGroupsFunction<String, Row, UnitMonthScore> scoreUnit =
        (code, rows) -> {
          List<UnitMonth> months = new ArrayList<>();
          rows.forEachRemaining(row -> months.add(unitMonth(row)));
          return detector.score(months).iterator();
        };
    return unitMonths
        .groupByKey(unit, Encoders.STRING())
        .flatMapGroups(scoreUnit, Encoders.javaSerialization(UnitMonthScore.class));
  }

  /**
   * Unit-months tested and the spikes among them.
   *
   * @param tested how many unit-months were scored
   * @param spikes the flagged scores
   */
  public record SpikeTally(long tested, List<UnitMonthScore> spikes) implements Serializable {}

  /**
   * {@code scores} counted and their spikes kept, in one pass: one tally per partition, merged on
   * the driver. The scores are never cached: one Java-serialized row each, they are larger than the
   * contracts they come from (about 1 KiB per unit-month).
   */
  static SpikeTally tally(Dataset<UnitMonthScore> scores, TemporalSpikeDetector detector) {
    MapPartitionsFunction<UnitMonthScore, SpikeTally> perPartition =
        rows -> {
          long tested = 0;
          List<UnitMonthScore> spikes = new ArrayList<>();
          while (rows.hasNext()) {
            UnitMonthScore score = rows.next();
            tested++;
            if (detector.flags(score)) {
              spikes.add(score);
            }
          }
          return List.of(new SpikeTally(tested, spikes)).iterator();
        };
    long tested = 0;
    List<UnitMonthScore> spikes = new ArrayList<>();
    for (SpikeTally partition :
        scores
            .mapPartitions(perPartition, Encoders.javaSerialization(SpikeTally.class))
            .collectAsList()) {
      tested += partition.tested();
      spikes.addAll(partition.spikes());
    }
    return new SpikeTally(tested, List.copyOf(spikes));
  }

  /**
   * The anomaly rows of {@code spikes} (flagged scores, few): each month's scored contracts of
   * {@code valued}, found with a broadcast join, the largest carrying the finding.
   */
  public static Dataset<Row> findings(
      Dataset<Row> valued, List<UnitMonthScore> spikes, TemporalSpikeDetector detector) {
    SparkSession spark = valued.sparkSession();
    if (spikes.isEmpty()) {
      StructType schema =
          AnomalyStage.anomalySchema(
              valued
                  .select(
                      AnomalyStage.CONTRACT_COLUMNS.stream()
                          .map(c -> col(c))
                          .toArray(Column[]::new))
                  .schema());
      return spark.createDataFrame(List.of(), schema);
    }
    StructType keys =
        new StructType()
            .add("_unit", DataTypes.StringType, false)
            .add("_year", DataTypes.IntegerType, false)
            .add("_month", DataTypes.IntegerType, false);
    List<Row> keyRows =
        spikes.stream()
            .map(s -> RowFactory.create(s.month().unitCode(), s.month().year(), s.month().month()))
            .toList();
    Map<String, UnitMonthScore> byKey = new HashMap<>();
    spikes.forEach(s -> byKey.put(s.key(), s));
    Broadcast<Map<String, UnitMonthScore>> shipped =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(byKey);
    Dataset<Row> contracts =
        valued
            .where(ScoringValues.isScored())
            .join(
                broadcast(spark.createDataFrame(keyRows, keys)),
                col(UNIT_CODE)
                    .equalTo(col("_unit"))
                    .and(year(col(SIGNATURE_DATE)).equalTo(col("_year")))
                    .and(month(col(SIGNATURE_DATE)).equalTo(col("_month"))))
            .select(AnomalyStage.CONTRACT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    StructType schema = AnomalyStage.anomalySchema(contracts.schema());
    MapFunction<Row, String> unitMonth =
        row ->
            row.getAs(UNIT_CODE)
                + "|"
                + ContractFacts.localDate(row.getAs(SIGNATURE_DATE)).toString().substring(0, 7);
    FlatMapGroupsFunction<String, Row, Row> publish =
        (key, rows) -> {
          Map<String, Row> byNaturalKey = new HashMap<>();
          List<ContractFacts> month = new ArrayList<>();
          rows.forEachRemaining(
              row -> {
                byNaturalKey.put(row.getAs(NATURAL_KEY), row);
                month.add(ContractFacts.of(row));
              });
          UnitMonthScore spike = shipped.value().get(key);
          Finding finding = detector.finding(spike, month);
          String largest = TemporalSpikeReport.largestFirst(month).get(0).naturalKey();
          return List.of(AnomalyStage.anomalyRow(byNaturalKey.get(largest), finding)).iterator();
        };
    return contracts
        .groupByKey(unitMonth, Encoders.STRING())
        .flatMapGroups(publish, Encoders.row(schema));
  }

  private static UnitMonth unitMonth(Row row) {
    return new UnitMonth(
        row.getAs(UNIT_CODE),
        row.getAs(BUYER_UF),
        row.<Integer>getAs(YEAR),
        row.<Integer>getAs(MONTH),
        row.<Long>getAs(CONTRACTS),
        row.<BigDecimal>getAs(TOTAL));
  }

  private static Column key(UnitMonthLevel level) {
    return switch (level) {
      case UNIT_MONTH_UF -> concat(lit("uf="), col(BUYER_UF));
      case UNIT_MONTH_MACRO -> concat(lit("macro="), SegmentColumns.macroRegion());
      case UNIT_MONTH_NATIONAL -> lit("national");
    };
  }

  private static Column median(Column values) {
    return percentile_approx(values, lit(0.5), lit(SeasonalStats.MEDIAN_ACCURACY));
  }
}
