package org.sentinela.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.analytics.detect.AnomalyIds;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.Quantiles;
import org.sentinela.analytics.fixtures.SharedSpark;
import org.sentinela.analytics.fixtures.Sql;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.reporting.ReportingDatabase;
import org.sentinela.analytics.significance.BenjaminiHochberg;
import org.sentinela.model.ContractSchema;

/**
 * The whole night: a lake written by Spark in the contract layout, the analysis, and its
 * publication to a real PostgreSQL.
 */
class NightlyAnalysisEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path lake;
  private ReportingDatabase db;

  private final List<TestContract> rioPregoes = new ArrayList<>();
  private TestContract superseded;
  private TestContract tenBillion;
  private TestContract fiveReais;

  @BeforeEach
  void aLakeOfRioPregoes() {
    db = Sql.migratedDatabase();
    rioPregoes.addAll(ContractFixtures.twelveRioPregoesAroundTenThousand());
    rioPregoes.addAll(ContractFixtures.thirtyRioHealthPregoesAroundTwelveThousand());
    // first published at R$ 10,000, then republished with a slipped decimal point
    superseded =
        TestContract.pregao("RJ", "26000")
            .finalValue("10000.00")
            .sourceFile("202201_Compras.csv", 40)
            .published(LocalDate.of(2022, 1, 20));
    tenBillion =
        superseded
            .republished()
            .finalValue("10000000000.00")
            .sourceFile("202202_Compras.csv", 7)
            .published(LocalDate.of(2022, 2, 10));
    fiveReais = ContractFixtures.fiveReaisRioPregao();
    rioPregoes.addAll(List.of(superseded, tenBillion, fiveReais));
    rioPregoes.addAll(ContractFixtures.contractsWithoutPositiveValue());
  }

  private AnalysisSummary analyse(String runId) {
    AnalyticsOptions options =
        AnalyticsOptions.parse(
            new String[] {"--lake", lake.toString(), "--run-id", runId},
            Map.of(
                "SENTINELA_DB_URL", db.url(),
                "SENTINELA_DB_USER", db.user(),
                "SENTINELA_DB_PASSWORD", db.password()),
            2);
    return NightlyRun.prepare(options).analyse(SharedSpark.session());
  }

  @Test
  void aNightIsAnalysedAndPublished() throws Exception {
    Path snapshot = LakeFixtures.writeSnapshot(lake, "ingest-1", rioPregoes);
    assertWrittenInTheContractLayout(snapshot);

    AnalysisSummary summary = analyse("run-1");

    JsonNode line = JSON.readTree(summary.toJson());
    assertThat(line.get("run_id").asText()).isEqualTo("run-1");
    assertThat(line.get("contracts_in_snapshot").asLong()).isEqualTo(48);
    assertThat(line.get("contracts_current").asLong()).isEqualTo(47);
    assertThat(line.get("contracts_scored").asLong()).isEqualTo(44);
    assertThat(line.get("contracts_unscored").asLong()).isEqualTo(3);
    assertThat(line.get("anomalies_by_detector"))
        .isEqualTo(
            JSON.readTree(
                "{\"AMENDMENT_OVER_LIMIT\":0,\"BUNCHING\":0,\"CONTRACT_SPLITTING\":0,"
                    + "\"DUPLICATE_REGISTRATION\":0,\"IMPLAUSIBLE_VALUE\":1,"
                    + "\"SUPPLIER_CONCENTRATION\":0,\"TEMPORAL_SPIKE\":0,\"VALUE_OUTLIER\":1}"));

    // unit 153000 signed all 44 in 2022, three or four a month: its January, with the slipped
    // R$ 10 billion, is a problem of value, not of activity, so no TEMPORAL_SPIKE; the night still
    // tested its twelve months
    assertThat(
            Sql.value(
                db,
                "select metrics->'analysis'->'hypotheses_by_detector'->>'TEMPORAL_SPIKE'"
                    + " from runs where run_id = 'run-1'"))
        .isEqualTo("12");

    assertThat(
            Sql.rows(
                db,
                "select natural_key, anomaly_id, detector, severity, threshold, threshold_version,"
                    + " evidence->>'segment_level', evidence->>'segment_key',"
                    + " evidence->>'direction', evidence->>'value_column'"
                    + " from anomalies where run_id = 'run-1' and detector = 'VALUE_OUTLIER'"
                    + " order by score desc"))
        .containsExactly(
            tenBillion.naturalKey()
                + "|"
                + AnomalyIds.of("VALUE_OUTLIER", tenBillion.naturalKey())
                + "|VALUE_OUTLIER|HIGH|3.5|3|UF_MODALITY|uf=RJ|modality=PREGAO|ABOVE|final_value");
    // R$ 5 among R$ 10,000 pregões is far below, which VALUE_OUTLIER does not flag
    assertThat(
            Sql.value(
                db,
                "select count(*) from anomalies where natural_key = '"
                    + fiveReais.naturalKey()
                    + "'"))
        .isEqualTo("0");

    String evidence =
        Sql.value(
            db,
            "select evidence from anomalies where detector = 'VALUE_OUTLIER' and natural_key = '"
                + tenBillion.naturalKey()
                + "'");
    JsonNode tenBillionEvidence = JSON.readTree(evidence);
    double[] rio =
        rioPregoes.stream()
            .filter(c -> c != superseded)
            .limit(44) // the three without a positive value come last
            .mapToDouble(TestContract::logValue)
            .toArray();
    assertThat(rio).hasSize(44);
    double median = Quantiles.median(rio);
    assertThat(tenBillionEvidence.get("segment_n").asInt()).isEqualTo(44);
    assertThat(tenBillionEvidence.get("median_log_value").asDouble())
        .isCloseTo(median, within(1e-12));
    assertThat(tenBillionEvidence.get("z").asDouble())
        .isCloseTo(
            (Math.log(1e10) - median) / (1.4826 * Math.max(Quantiles.mad(rio), 0.05)),
            within(1e-9));
    assertThat(tenBillionEvidence.get("value_used").decimalValue())
        .isEqualByComparingTo("10000000000");
    assertThat(tenBillionEvidence.get("threshold_version").asInt()).isEqualTo(3);
    assertThat(tenBillionEvidence.get("min_segment_size").asInt()).isEqualTo(30);
    assertThat(tenBillionEvidence.get("levels_skipped")).hasSize(1);
    JsonNode skipped = tenBillionEvidence.get("levels_skipped").get(0);
    assertThat(skipped.get("level").asText()).isEqualTo("UF_MODALITY_ORGAN");
    assertThat(skipped.get("segment_key").asText()).isEqualTo("uf=RJ|modality=PREGAO|organ=26000");
    assertThat(skipped.get("n").asInt()).isEqualTo(13);
    assertThat(skipped.get("reason").asText()).isEqualTo("too_small");
    assertThat(
            Sql.value(
                db,
                "select explanation from anomalies where detector = 'VALUE_OUTLIER'"
                    + " and natural_key = '"
                    + tenBillion.naturalKey()
                    + "'"))
        .startsWith("Final value R$ 10,000,000,000.00 is ")
        .endsWith(" of 44 contracts in segment UF=RJ × PREGAO.");

    assertThat(
            Sql.rows(
                db,
                "select level, segment_key, coalesce(buyer_uf, '-'), coalesce(modality, '-'),"
                    + " coalesce(superior_organ_code, '-'), contracts from baselines"
                    + " where run_id = 'run-1' order by level, segment_key"))
        .containsExactly(
            "MACRO_MODALITY|macro=SE|modality=PREGAO|-|PREGAO|-|44",
            "MODALITY|modality=PREGAO|-|PREGAO|-|44",
            "NATIONAL|national|-|-|-|44",
            "UF_MODALITY|uf=RJ|modality=PREGAO|RJ|PREGAO|-|44",
            "UF_MODALITY_ORGAN|uf=RJ|modality=PREGAO|organ=26000|RJ|PREGAO|26000|13",
            "UF_MODALITY_ORGAN|uf=RJ|modality=PREGAO|organ=36000|RJ|PREGAO|36000|31");
    assertThat(Sql.value(db, "select median_log_value from baselines where level = 'NATIONAL'"))
        .isEqualTo(Double.toString(median));

    // one year of history: every month's factor is seen in one year only, so none is applied
    assertThat(
            Sql.value(
                db,
                "select count(*) || ' ' || count(distinct month) || ' ' || max(abs(factor))"
                    + " || ' ' || count(anchor_level) from seasonal_factors"
                    + " where run_id = 'run-1' and level = 'NATIONAL'"))
        .isEqualTo("12 12 0 0");
    // the baselines and seasonal factors are in the lake too
    assertThat(lake.resolve("baselines/CURRENT")).hasContent("run-1");
    assertThat(lake.resolve("seasonal_factors/CURRENT")).hasContent("run-1");
    SparkSession spark = SharedSpark.session();
    assertThat(
            spark
                .read()
                .parquet(lake.resolve("baselines/snapshots/run-1").toString())
                .where("level = 'NATIONAL' and run_id = 'run-1'")
                .select("contracts", "median_log_value")
                .first()
                .toString())
        .isEqualTo("[44," + median + "]");
    assertThat(
            spark
                .read()
                .parquet(lake.resolve("seasonal_factors/snapshots/run-1").toString())
                .count())
        .isEqualTo(Long.parseLong(Sql.value(db, "select count(*) from seasonal_factors")));

    assertThat(
            Sql.rows(
                db,
                "select first_seen_run, last_seen_run, first_seen_at = r.started_at"
                    + " from anomaly_history h join runs r on r.run_id = h.first_seen_run"))
        .containsExactly("run-1|run-1|t", "run-1|run-1|t");
    assertThat(
            Sql.rows(
                db,
                "select status, published_at is not null, contracts_analysed, anomalies,"
                    + " metrics->'analysis'->>'contracts_scored' from runs"))
        .containsExactly("RUNNING|t|47|2|44");

    // the ten billion is also implausible on its face (R$ 5 is low but plausible)
    assertThat(
            Sql.rows(
                db,
                "select natural_key, anomaly_id, severity, score, threshold, threshold_version,"
                    + " evidence->>'rule', evidence->'rules'->0->>'column', explanation"
                    + " from anomalies where run_id = 'run-1' and detector = 'IMPLAUSIBLE_VALUE'"
                    + " order by score desc"))
        .containsExactly(
            tenBillion.naturalKey()
                + "|"
                + AnomalyIds.of("IMPLAUSIBLE_VALUE", tenBillion.naturalKey())
                + "|HIGH|10|1|1|ABOVE_MAXIMUM|final_value|Final value R$ 10,000,000,000.00 is"
                + " 10.0 times the plausible maximum R$ 1,000,000,000.00.");
  }

  @Test
  void procurementRedFlagsArePublishedWithTheirEvidence() throws Exception {
    List<TestContract> splitting =
        ContractFixtures.threeFortyThousandDispensasInSixtyDaysAt2022Unit();
    List<TestContract> registrations = ContractFixtures.contractReRegisteredUnderAnotherNumber();
    List<TestContract> amended =
        ContractFixtures.amendmentsOf24And26PercentAndA40PercentRenovation();
    TestContract slipped =
        TestContract.pregao("GO", "26000")
            .unit("158005")
            .initialValue("5912.28")
            .finalValue("591228.00")
            .signed(LocalDate.of(2022, 6, 1));
    List<TestContract> contracts = new ArrayList<>();
    contracts.addAll(splitting);
    contracts.addAll(ContractFixtures.twoDispensas200DaysApart());
    contracts.addAll(registrations);
    contracts.addAll(amended);
    contracts.add(slipped);
    LakeFixtures.writeSnapshot(lake, "ingest-1", contracts);

    AnalysisSummary summary = analyse("run-p");

    assertThat(summary.anomaliesByDetector())
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of(
                    "AMENDMENT_OVER_LIMIT", 2L,
                    "BUNCHING", 0L,
                    "CONTRACT_SPLITTING", 3L,
                    "DUPLICATE_REGISTRATION", 2L,
                    "IMPLAUSIBLE_VALUE", 1L,
                    "SUPPLIER_CONCENTRATION", 0L,
                    "TEMPORAL_SPIKE", 0L,
                    "VALUE_OUTLIER", 0L)));
    assertThat(
            Sql.rows(
                db,
                "select detector, contract_number, severity, threshold, threshold_version"
                    + " from anomalies where run_id = 'run-p'"
                    + " order by detector, signature_date, contract_number"))
        .containsExactly(
            "AMENDMENT_OVER_LIMIT|" + amended.get(1).contractNumber() + "|LOW|1|1",
            // 100 times its initial value: far past the 25% ceiling, HIGH whatever its q-value
            "AMENDMENT_OVER_LIMIT|" + slipped.contractNumber() + "|HIGH|1|1",
            // R$ 120,000 of pieces against the R$ 54,020.41 limit: 2.2 times it, HIGH
            "CONTRACT_SPLITTING|" + splitting.get(0).contractNumber() + "|HIGH|1|1",
            "CONTRACT_SPLITTING|" + splitting.get(1).contractNumber() + "|HIGH|1|1",
            "CONTRACT_SPLITTING|" + splitting.get(2).contractNumber() + "|HIGH|1|1",
            "DUPLICATE_REGISTRATION|00031/2022|HIGH|2|1",
            "DUPLICATE_REGISTRATION|00057/2022|HIGH|2|1",
            "IMPLAUSIBLE_VALUE|" + slipped.contractNumber() + "|HIGH|1|1");

    // m: 11 scored contracts tested by VALUE_OUTLIER, IMPLAUSIBLE_VALUE and DUPLICATE_REGISTRATION,
    // 9 with both values by AMENDMENT_OVER_LIMIT, 5 dispensa pieces by CONTRACT_SPLITTING; no unit
    // has enough dispensas for BUNCHING, nor are there enough units for SUPPLIER_CONCENTRATION
    assertThat(
            JSON.readTree(
                Sql.value(db, "select metrics->'analysis'->'hypotheses_by_detector' from runs")))
        .isEqualTo(
            JSON.readTree(
                "{\"VALUE_OUTLIER\": 11, \"AMENDMENT_OVER_LIMIT\": 9, \"IMPLAUSIBLE_VALUE\": 11,"
                    + " \"CONTRACT_SPLITTING\": 5, \"DUPLICATE_REGISTRATION\": 11,"
                    + " \"BUNCHING\": 0, \"SUPPLIER_CONCENTRATION\": 0, \"TEMPORAL_SPIKE\": 0}"));
    List<String> significance =
        Sql.rows(
            db,
            "select detector, contract_number, p_value, q_value from anomalies"
                + " order by detector, signature_date, contract_number");
    double[] p =
        significance.stream().mapToDouble(r -> Double.parseDouble(r.split("\\|")[2])).toArray();
    double[] q =
        significance.stream().mapToDouble(r -> Double.parseDouble(r.split("\\|")[3])).toArray();
    // AMENDMENT_OVER_LIMIT: 2 and 1 of the 9 tested grew at least as much (26%, then the slip)
    assertThat(p[0]).isEqualTo(2 / 9.0);
    assertThat(p[1]).isEqualTo(1 / 9.0);
    // CONTRACT_SPLITTING: all 3 of the pair's 2022 dispensas within 61 days
    assertThat(p[2]).isCloseTo(0.02793019328204166, within(1e-12)).isEqualTo(p[3]).isEqualTo(p[4]);
    assertThat(p[5]).isEqualTo(1e-6);
    assertThat(p[7]).isCloseTo(1e-60, within(1e-72));
    assertThat(q).containsExactly(BenjaminiHochberg.adjust(p, 47), within(1e-15));
    assertThat(q[2]).isCloseTo(0.02793019328204166 * 47 / 6, within(1e-12));

    JsonNode split =
        JSON.readTree(
            Sql.value(
                db,
                "select evidence from anomalies where detector = 'CONTRACT_SPLITTING'"
                    + " and natural_key = '"
                    + splitting.get(1).naturalKey()
                    + "'"));
    assertThat(split.get("threshold").decimalValue()).isEqualByComparingTo("1");
    assertThat(split.get("threshold_version").asInt()).isEqualTo(1);
    assertThat(split.get("law").asText()).isEqualTo("LEI_14133");
    assertThat(split.get("limit_kind").asText()).isEqualTo("ART75_II");
    assertThat(split.get("limit").decimalValue()).isEqualByComparingTo("54020.41");
    assertThat(split.get("group_sum").decimalValue()).isEqualByComparingTo("120000");
    assertThat(split.get("contracts").findValuesAsText("contract_number"))
        .containsExactlyElementsOf(splitting.stream().map(TestContract::contractNumber).toList());
    assertThat(split.get("contracts").findValues("value"))
        .hasSize(3)
        .allSatisfy(value -> assertThat(value.decimalValue()).isEqualByComparingTo("40000"));

    assertThat(
            Sql.value(
                db,
                "select evidence->>'growth_ratio' || ' ' || (evidence->>'limit_basis')"
                    + " from anomalies where detector = 'AMENDMENT_OVER_LIMIT'"
                    + " and natural_key = '"
                    + amended.get(1).naturalKey()
                    + "'"))
        .isEqualTo("0.26 Lei 14.133/2021 art. 125");
    assertThat(
            Sql.value(
                db,
                "select evidence->'other_contract_numbers'->>0 from anomalies"
                    + " where detector = 'DUPLICATE_REGISTRATION' and contract_number = '00031/2022'"))
        .isEqualTo("00057/2022");
    assertThat(
            Sql.value(db, "select explanation from anomalies where detector = 'IMPLAUSIBLE_VALUE'"))
        .isEqualTo(
            "Final value R$ 591,228.00 is 100.0 times the initial value R$ 5,912.28: a likely ×100"
                + " scale slip.");
    assertThat(
            JSON.readTree(
                Sql.value(db, "select metrics->'analysis'->'anomalies_by_detector' from runs")))
        .isEqualTo(
            JSON.readTree(
                "{\"VALUE_OUTLIER\": 0, \"IMPLAUSIBLE_VALUE\": 1, \"CONTRACT_SPLITTING\": 3,"
                    + " \"AMENDMENT_OVER_LIMIT\": 2, \"DUPLICATE_REGISTRATION\": 2,"
                    + " \"BUNCHING\": 0, \"SUPPLIER_CONCENTRATION\": 0, \"TEMPORAL_SPIKE\": 0}"));
  }

  @Test
  void unitLevelFlagsArePublishedThroughARepresentativeContract() throws Exception {
    List<TestContract> bunching = ContractFixtures.sixDispensasJustUnderThe8666LimitAtA2022Unit();
    List<TestContract> concentrated =
        ContractFixtures.largeUnitWhoseTopSupplierTakesEightyPercent();
    List<TestContract> contracts = new ArrayList<>(bunching);
    contracts.addAll(ContractFixtures.tenDispensasSpreadEvenlyUpToThe8666LimitAtA2022Unit());
    contracts.addAll(concentrated);
    contracts.addAll(ContractFixtures.smallUnitWithTwoSuppliers());
    contracts.addAll(ContractFixtures.smallAndLargeUnitsWithTheirUsualSuppliers());
    LakeFixtures.writeSnapshot(lake, "ingest-1", contracts);
    // a new threshold version for a small country: 28 units' years, in peer groups of 13 and 15
    Sql.execute(
        db,
        "insert into detector_thresholds (detector, version, threshold, parameters, source)"
            + " select detector, 3, threshold, parameters || '{\"min_contracts\": 4,"
            + " \"min_total_value\": 10000, \"min_peers\": 10, \"max_p_value\": 0.1}',"
            + " 'test' from current_detector_thresholds where detector = 'SUPPLIER_CONCENTRATION'");

    AnalysisSummary summary = analyse("run-u");

    assertThat(summary.anomaliesByDetector())
        .containsEntry("BUNCHING", 1L)
        .containsEntry("SUPPLIER_CONCENTRATION", 1L);
    TestContract dearestBunched = bunching.get(4);
    assertThat(
            Sql.rows(
                db,
                "select detector, unit_code, contract_number, anomaly_id, threshold_version,"
                    + " p_value = (evidence->>'p_value')::float8, q_value >= p_value"
                    + " from anomalies where detector in ('BUNCHING', 'SUPPLIER_CONCENTRATION')"
                    + " order by detector"))
        .containsExactly(
            "BUNCHING|170001|"
                + dearestBunched.contractNumber()
                + "|"
                + AnomalyIds.ofUnitYear("BUNCHING", "170001", 2022, "ART24_II")
                + "|1|t|t",
            "SUPPLIER_CONCENTRATION|173001|"
                + concentrated.get(0).contractNumber()
                + "|"
                + AnomalyIds.ofUnitYear("SUPPLIER_CONCENTRATION", "173001", 2022, "55666777000188")
                + "|3|t|t");
    JsonNode hypotheses =
        JSON.readTree(
            Sql.value(db, "select metrics->'analysis'->'hypotheses_by_detector' from runs"));
    // the two dispensa units' Lei 8.666 cells; 13 small units' years (4–7 contracts), and 13 large
    // ones (20) with the two dispensa units (8 and 10 contracts: too few to be a group of their
    // own)
    assertThat(hypotheses.get("BUNCHING").asInt()).isEqualTo(2);
    assertThat(hypotheses.get("SUPPLIER_CONCENTRATION").asInt()).isEqualTo(28);
    assertThat(
            Sql.value(
                db, "select explanation from anomalies where detector = 'SUPPLIER_CONCENTRATION'"))
        .startsWith("This contract's supplier holds 81.8% of the R$ 880,000.00 unit 173001");
    JsonNode evidence =
        JSON.readTree(
            Sql.value(
                db, "select evidence from anomalies where detector = 'SUPPLIER_CONCENTRATION'"));
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(3);
    assertThat(evidence.get("min_peers").asInt()).isEqualTo(10);
    assertThat(evidence.get("contracts").findValuesAsText("flagged_contract"))
        .first()
        .isEqualTo("true");
  }

  @Test
  void republishingANightChangesNothingAndTheNextNightKeepsFirstSightings() {
    LakeFixtures.writeSnapshot(lake, "ingest-1", rioPregoes);
    Sql.execute(
        db, "insert into runs (run_id, started_at, status) values ('run-1', now(), 'RUNNING')");
    analyse("run-1");
    List<String> anomalies = Sql.rows(db, "select * from anomalies order by anomaly_id");
    List<String> baselines = Sql.rows(db, "select * from baselines order by level, segment_key");
    List<String> history = Sql.rows(db, "select * from anomaly_history order by anomaly_id");

    analyse("run-1");

    assertThat(Sql.rows(db, "select * from anomalies order by anomaly_id"))
        .hasSize(2)
        .isEqualTo(anomalies);
    assertThat(Sql.rows(db, "select * from baselines order by level, segment_key"))
        .isEqualTo(baselines);
    assertThat(Sql.rows(db, "select * from anomaly_history order by anomaly_id"))
        .isEqualTo(history);

    // the next night: the same contracts and a new R$ 5 billion pregão in Rio
    TestContract fiveBillion = TestContract.pregao("RJ", "36000").finalValue("5000000000.00");
    List<TestContract> nextNight = new ArrayList<>(rioPregoes);
    nextNight.add(fiveBillion);
    LakeFixtures.writeSnapshot(lake, "ingest-2", nextNight);
    Sql.execute(
        db,
        "insert into runs (run_id, started_at, status)"
            + " values ('run-2', now() + interval '1 day', 'RUNNING')");

    AnalysisSummary second = analyse("run-2");

    assertThat(second.anomaliesByDetector())
        .containsEntry("VALUE_OUTLIER", 2L)
        .containsEntry("IMPLAUSIBLE_VALUE", 2L)
        .containsEntry("TEMPORAL_SPIKE", 0L);
    assertThat(
            Sql.rows(
                db,
                "select a.natural_key, h.first_seen_run, h.last_seen_run from anomaly_history h"
                    + " join anomalies a on a.anomaly_id = h.anomaly_id and a.run_id = 'run-2'"
                    + " where a.detector = 'VALUE_OUTLIER' order by a.natural_key"))
        .containsExactlyInAnyOrder(
            tenBillion.naturalKey() + "|run-1|run-2", fiveBillion.naturalKey() + "|run-2|run-2");
    assertThat(Sql.value(db, "select count(*) from anomalies where run_id = 'run-1'"))
        .isEqualTo("2");
  }

  /** The fixture lake has the layout and Parquet types the ingest writes. */
  private static void assertWrittenInTheContractLayout(Path snapshot) throws Exception {
    assertThat(snapshot.resolve("sign_year=2022/sign_month=1")).isDirectory();
    assertThat(snapshot.resolve("sign_year=2022/sign_month=12")).isDirectory();
    Path part;
    try (Stream<Path> files = Files.walk(snapshot)) {
      part = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    MessageType written;
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(part.toUri()), new Configuration()))) {
      written = reader.getFooter().getFileMetaData().getSchema();
    }
    MessageType expected = MessageTypeParser.parseMessageType(ContractSchema.PARQUET_MESSAGE_TYPE);
    // Spark writes every column as optional; names, types and logical types must match
    assertThat(withoutRepetition(written)).isEqualTo(withoutRepetition(expected));
  }

  private static String withoutRepetition(MessageType schema) {
    return schema
        .toString()
        .replaceFirst("message \\w+", "message")
        .replace("required ", "optional ");
  }
}
