package org.sentinela.analytics.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.baseline.SegmentBaseline;
import org.sentinela.analytics.baseline.SegmentLevel;
import org.sentinela.analytics.detect.Anomaly;
import org.sentinela.analytics.detect.AnomalyIds;
import org.sentinela.analytics.detect.ContractDetails;
import org.sentinela.analytics.detect.Finding;
import org.sentinela.analytics.fixtures.Sql;
import org.sentinela.analytics.significance.PValues;
import org.sentinela.analytics.significance.Severity;

/** Publication against a real PostgreSQL, with hand-made results (no Spark). */
class RunPublisherTest {

  private static final RunCounts COUNTS = new RunCounts(12, 10, 9, 1);
  private static final Map<String, Long> HYPOTHESES = Map.of("VALUE_OUTLIER", 9L);
  private static final List<SegmentBaseline> BASELINES =
      List.of(
          new SegmentBaseline(
              SegmentLevel.NATIONAL, "national", null, null, null, 9, 9.2, 0.4, 7, 9, 9.5, 12));

  private static final List<SeasonalFactor> SEASONAL =
      List.of(
          new SeasonalFactor(
              "NATIONAL",
              "national",
              12,
              9,
              3,
              9.9,
              0.7,
              0.3103448275862069,
              0.21724137931034482,
              "NATIONAL"),
          new SeasonalFactor("NATIONAL", "national", 7, 2, 1, 9.1, -0.1, 0.0, 0.0, null));

  private ReportingDatabase db;
  private RunPublisher publisher;

  @BeforeEach
  void freshDatabase() {
    db = Sql.migratedDatabase();
    publisher = new RunPublisher(db);
  }

  private static Anomaly anomaly(String contractNumber, String objectText) {
    return anomaly(contractNumber, objectText, 1.7e-45, 1.53e-44, Severity.HIGH);
  }

  private static Anomaly anomaly(
      String contractNumber, String objectText, double pValue, double qValue, Severity severity) {
    String key = "153000|" + contractNumber + "|12345678000195";
    return new Anomaly(
        new ContractDetails(
            key,
            contractNumber,
            "26000",
            "Ministério da Educação",
            null,
            null,
            "153000",
            null,
            "RJ",
            null,
            "12345678000195",
            "CNPJ",
            "",
            "PREGAO",
            objectText,
            LocalDate.of(2022, 1, 15),
            null,
            null,
            new BigDecimal("10000000000.0000")),
        new Finding(
            AnomalyIds.of("VALUE_OUTLIER", key),
            "VALUE_OUTLIER",
            14.2,
            pValue,
            new BigDecimal("3.5"),
            1,
            "{\"z\": 14.2}",
            "Final value R$ 10,000,000,000.00 is 14.2 robust deviations above the median."),
        qValue,
        severity);
  }

  private static Anomaly anomaly(String contractNumber) {
    return anomaly(contractNumber, "Aquisição de material");
  }

  private void startRun(String runId, String startedAt) {
    Sql.execute(
        db,
        "insert into runs (run_id, started_at, status) values ('"
            + runId
            + "', '"
            + startedAt
            + "', 'RUNNING')");
  }

  private Publication publish(String runId, Anomaly... anomalies) throws Exception {
    return publisher.publishRun(
        runId, List.of(anomalies).iterator(), BASELINES, SEASONAL, COUNTS, HYPOTHESES);
  }

  private List<String> history() {
    return Sql.rows(
        db,
        "select a.natural_key, h.first_seen_run, h.last_seen_run from anomaly_history h"
            + " join (select distinct anomaly_id, natural_key from anomalies) a using (anomaly_id)"
            + " order by 1");
  }

  private List<String> historyIds() {
    return Sql.rows(db, "select anomaly_id from anomaly_history order by 1");
  }

  @Test
  void textSurvivesTheCopyExactlyNullsStayNullAndEmptyStaysEmpty() throws Exception {
    String awkward = "Aquisição de \"material\", de limpeza\nlote 1; 100% \\ barra";
    Publication publication = publish("r1", anomaly("00001/2022", awkward));

    assertThat(publication.anomaliesByDetector()).containsEntry("VALUE_OUTLIER", 1L);
    assertThat(publication.baselines()).isEqualTo(1);
    assertThat(
            Sql.rows(
                db,
                "select object_text, supplier_name = '', organ_code is null, final_value,"
                    + " threshold, evidence->>'z', publication_date is null from anomalies"))
        .containsExactly(awkward + "|t|t|10000000000.0000|3.5|14.2|t");
  }

  @Test
  void pValuesQValuesAndSeverityRoundTripExactlyEvenAtTheFloor() throws Exception {
    publish(
        "r1",
        anomaly("00001/2022", "a", 1.7e-45, 1.53e-44, Severity.HIGH),
        anomaly("00002/2022", "b", PValues.FLOOR, PValues.FLOOR * 9, Severity.HIGH),
        anomaly("00003/2022", "c", 0.0123456789, 0.03703703670000001, Severity.MEDIUM),
        anomaly("00004/2022", "d", 0.5, 1.0, Severity.LOW));

    List<String> rows =
        Sql.rows(db, "select p_value, q_value, severity from anomalies order by contract_number");
    assertThat(rows).hasSize(4);
    double[][] expected = {
      {1.7e-45, 1.53e-44},
      {PValues.FLOOR, PValues.FLOOR * 9},
      {0.0123456789, 0.03703703670000001},
      {0.5, 1.0}
    };
    for (int i = 0; i < rows.size(); i++) {
      String[] columns = rows.get(i).split("\\|");
      assertThat(Double.parseDouble(columns[0])).isEqualTo(expected[i][0]);
      assertThat(Double.parseDouble(columns[1])).isEqualTo(expected[i][1]);
    }
    assertThat(rows)
        .extracting(r -> r.substring(r.lastIndexOf('|') + 1))
        .containsExactly("HIGH", "HIGH", "MEDIUM", "LOW");
    assertThat(Sql.value(db, "select metrics->'analysis'->>'hypotheses' from runs")).isEqualTo("9");
    assertThat(
            Sql.value(
                db,
                "select metrics->'analysis'->'hypotheses_by_detector'->>'VALUE_OUTLIER' from runs"))
        .isEqualTo("9");
  }

  @Test
  void seasonalFactorsArePublishedWithTheRun() throws Exception {
    Publication publication = publish("r1");

    assertThat(publication.seasonalFactors()).isEqualTo(2);
    assertThat(
            Sql.rows(
                db,
                "select level, segment_key, month, observations, years, median, raw_factor,"
                    + " weight, factor, anchor_level from seasonal_factors order by month"))
        .containsExactly(
            "NATIONAL|national|7|2|1|9.1|-0.1|0|0|∅",
            "NATIONAL|national|12|9|3|9.9|0.7|0.3103448275862069|0.21724137931034482|NATIONAL");
    assertThat(Sql.value(db, "select count(*) from current_seasonal_factors")).isEqualTo("2");
    assertThat(Sql.value(db, "select metrics->'analysis'->>'seasonal_factors' from runs"))
        .isEqualTo("2");
  }

  @Test
  void createsTheRunRowWhenTheLauncherDidNotAndRecordsTheCounts() throws Exception {
    publish("r1", anomaly("00001/2022"), anomaly("00002/2022"));

    assertThat(
            Sql.rows(
                db,
                "select status, published_at is not null, contracts_analysed, anomalies,"
                    + " metrics->'analysis'->>'contracts_unscored',"
                    + " metrics->'analysis'->'anomalies_by_detector'->>'VALUE_OUTLIER' from runs"))
        .containsExactly("RUNNING|t|10|2|1|2");
  }

  @Test
  void republishingARunReplacesItsRowsWithIdenticalOnes() throws Exception {
    startRun("r1", "2024-05-01 02:00:00+00");
    publish("r1", anomaly("00001/2022"));
    List<String> anomalies = Sql.rows(db, "select * from anomalies order by anomaly_id");
    List<String> baselines = Sql.rows(db, "select * from baselines order by segment_key");
    List<String> seasonal = Sql.rows(db, "select * from seasonal_factors order by month");
    List<String> history = Sql.rows(db, "select * from anomaly_history order by anomaly_id");

    publish("r1", anomaly("00001/2022"));

    assertThat(Sql.rows(db, "select * from seasonal_factors order by month"))
        .hasSize(2)
        .isEqualTo(seasonal);

    assertThat(Sql.rows(db, "select * from anomalies order by anomaly_id")).isEqualTo(anomalies);
    assertThat(Sql.rows(db, "select * from baselines order by segment_key")).isEqualTo(baselines);
    assertThat(Sql.rows(db, "select * from anomaly_history order by anomaly_id"))
        .isEqualTo(history)
        .singleElement()
        .asString()
        .contains("|r1|2024-05-01 02:00:00+00|r1|2024-05-01 02:00:00+00");
  }

  @Test
  void aLaterRunKeepsTheFirstSightingAndMovesTheLastOne() throws Exception {
    startRun("r1", "2024-05-01 02:00:00+00");
    startRun("r2", "2024-05-02 02:00:00+00");
    publish("r1", anomaly("00001/2022"));
    publish("r2", anomaly("00001/2022"), anomaly("00002/2022"));

    assertThat(history())
        .containsExactly(
            "153000|00001/2022|12345678000195|r1|r2", "153000|00002/2022|12345678000195|r2|r2");

    // re-publishing the older run does not move the last sighting back
    publish("r1", anomaly("00001/2022"));
    assertThat(history()).first().isEqualTo("153000|00001/2022|12345678000195|r1|r2");
  }

  @Test
  void republishingARunWithFewerFlagsTakesItBackOutOfTheHistory() throws Exception {
    startRun("r1", "2024-05-01 02:00:00+00");
    startRun("r2", "2024-05-02 02:00:00+00");
    publish("r1", anomaly("00001/2022"));
    publish("r2", anomaly("00001/2022"), anomaly("00002/2022"));

    publish("r2");

    // 00001 was last seen in r1 again; 00002 was only ever seen in r2
    assertThat(history()).containsExactly("153000|00001/2022|12345678000195|r1|r1");
    assertThat(historyIds()).hasSize(1);
  }

  @Test
  void baselinesAndSeasonalFactorsArriveBitForBitWithTheirTextIntact() throws Exception {
    String key = "UF_MODALITY|SÃO \"PAULO\", lote\n1|PREGÃO";
    SegmentBaseline baseline =
        new SegmentBaseline(
            SegmentLevel.UF_MODALITY,
            key,
            "SP",
            "PREGÃO",
            null,
            5_000_000_000L,
            0.1 + 0.2,
            1e-300,
            Math.PI,
            9.000000000000002,
            Math.E,
            23.5);
    SeasonalFactor factor =
        new SeasonalFactor(key, key, 12, 5_000_000_000L, 40, -0.0, 1.0 / 3, 1.0 / 7, 1e-17, null);

    publisher.publishRun(
        "r1",
        List.<Anomaly>of().iterator(),
        List.of(baseline),
        List.of(factor),
        COUNTS,
        HYPOTHESES);

    String[] b =
        Sql.value(
                db,
                "select concat_ws('~', level, segment_key, buyer_uf, modality,"
                    + " coalesce(superior_organ_code, 'null'), contracts, median_log_value,"
                    + " mad_log_value, p01_log_value, p25_log_value, p75_log_value, p99_log_value)"
                    + " from baselines")
            .split("~");
    assertThat(b).startsWith("UF_MODALITY", key, "SP", "PREGÃO", "null", "5000000000");
    assertThat(List.of(b).subList(6, 12))
        .extracting(Double::parseDouble)
        .containsExactly(0.1 + 0.2, 1e-300, Math.PI, 9.000000000000002, Math.E, 23.5);
    String[] f =
        Sql.value(
                db,
                "select concat_ws('~', level, segment_key, month, observations, years, median,"
                    + " raw_factor, weight, factor, coalesce(anchor_level, 'null'))"
                    + " from seasonal_factors")
            .split("~");
    assertThat(f).startsWith(key, key, "12", "5000000000", "40").endsWith("null");
    assertThat(List.of(f).subList(5, 9))
        .extracting(Double::parseDouble)
        .containsExactly(-0.0, 1.0 / 3, 1.0 / 7, 1e-17);
  }

  @Test
  void aReaderDuringThePublicationSeesThePreviousNightWholeThenTheNewOne() throws Exception {
    startRun("r1", "2024-05-01 02:00:00+00");
    startRun("r2", "2024-05-02 02:00:00+00");
    publish("r1", anomaly("00001/2022"));
    String seen =
        "select (select run_id from latest_published_run),"
            + " (select string_agg(run_id || ' ' || contract_number || ' '"
            + " || to_char(first_seen_at at time zone 'UTC', 'MM-DD') || ' '"
            + " || to_char(last_seen_at at time zone 'UTC', 'MM-DD'), ',' order by contract_number)"
            + " from current_anomalies),"
            + " (select count(*) || ' ' || min(run_id) from current_baselines),"
            + " (select count(*) || ' ' || min(run_id) from current_seasonal_factors)";
    List<String> midway = new java.util.ArrayList<>();
    Iterator<Anomaly> flags =
        new Iterator<>() {
          private final Iterator<Anomaly> night =
              List.of(anomaly("00001/2022"), anomaly("00002/2022")).iterator();

          @Override
          public boolean hasNext() {
            return night.hasNext();
          }

          @Override
          public Anomaly next() {
            // another connection looks while r2's baselines and factors are already written
            midway.addAll(Sql.rows(db, seen));
            return night.next();
          }
        };

    publisher.publishRun("r2", flags, BASELINES, SEASONAL, COUNTS, HYPOTHESES);

    assertThat(midway).hasSize(2).containsOnly("r1|r1 00001/2022 05-01 05-01|1 r1|2 r1");
    assertThat(Sql.rows(db, seen))
        .containsExactly("r2|r2 00001/2022 05-01 05-02,r2 00002/2022 05-02 05-02|1 r2|2 r2");
  }

  @Test
  void aFailureWhileStreamingLeavesThePreviousPublicationUntouched() throws Exception {
    publish("r1", anomaly("00001/2022"));
    List<String> before = Sql.rows(db, "select * from anomalies order by anomaly_id");
    String publishedAt = Sql.value(db, "select published_at from runs");
    Iterator<Anomaly> failing =
        new Iterator<>() {
          private int served;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Anomaly next() {
            if (served++ == 1) {
              throw new IllegalStateException("executor lost");
            }
            return anomaly("00009/2022");
          }
        };

    assertThatThrownBy(
            () -> publisher.publishRun("r1", failing, BASELINES, SEASONAL, COUNTS, HYPOTHESES))
        .hasMessage("executor lost");

    assertThat(Sql.rows(db, "select * from anomalies order by anomaly_id")).isEqualTo(before);
    assertThat(Sql.value(db, "select published_at from runs")).isEqualTo(publishedAt);
    assertThat(Sql.value(db, "select count(*) from baselines")).isEqualTo("1");
  }
}
