package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.ScoringValues;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.significance.SignificanceStage;

/** TEMPORAL_SPIKE on ten Rio units whose Decembers are five times their other months. */
class TemporalSpikesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Unit 160010 buys for R$ 1 million in June 2022, besides its two usual pregões. */
  private static final TestContract MILLION_IN_JUNE =
      TestContract.pregao("RJ", "26000")
          .unit("160010")
          .finalValue("1000000.00")
          .signed(LocalDate.of(2022, 6, 27));

  private static Dataset<Row> valued;

  @BeforeAll
  static void tenUnitsOverTwoYears() {
    List<TestContract> contracts =
        new ArrayList<>(ContractFixtures.tenRioUnitsWithAFiveFoldDecemberOverTwoYears());
    contracts.add(MILLION_IN_JUNE);
    valued = ScoringValues.withValueUsed(LakeFixtures.frame(contracts)).cache();
  }

  @AfterAll
  static void release() {
    valued.unpersist();
  }

  @Test
  void monthTotalsAreSummedPerUnitAndCalendarMonth() {
    Dataset<Row> months = TemporalSpikes.unitMonths(valued);

    assertThat(months.count()).isEqualTo(10 * 24);
    Row june = months.where("unit_code = '160010' and year = 2022 and month = 6").first();
    assertThat(june.<Long>getAs(TemporalSpikes.CONTRACTS)).isEqualTo(3);
    assertThat(june.<java.math.BigDecimal>getAs(TemporalSpikes.TOTAL))
        .isEqualByComparingTo("1038000.00"); // R$ 18,000 + R$ 20,000 (June's 0.95) + R$ 1 million
    assertThat(june.<String>getAs("buyer_uf")).isEqualTo("RJ");
  }

  @Test
  void theUsualDecemberIsLearntAndOnlyTheJuneMillionIsASpike() throws Exception {
    TemporalSpikes.Result result = TemporalSpikes.detect(valued, TemporalSpikeDetectorTest.SEEDED);

    assertThat(result.tested()).isEqualTo(240);
    SeasonalFactor december =
        result.seasonalFactors().of("UNIT_MONTH_UF", "uf=RJ", 12).orElseThrow();
    assertThat(december.observations()).isEqualTo(20);
    assertThat(december.years()).isEqualTo(2);
    assertThat(december.rawFactor()).isCloseTo(Math.log(5), within(0.1));
    assertThat(december.multiple()).isGreaterThan(3.5);
    List<Anomaly> spikes =
        SignificanceStage.adjust(result.anomalies(), result.tested()).collectAsList().stream()
            .map(AnomalyStage::toAnomaly)
            .toList();
    assertThat(spikes).hasSize(1);
    Anomaly spike = spikes.get(0);
    assertThat(spike.contract().naturalKey()).isEqualTo(MILLION_IN_JUNE.naturalKey());
    assertThat(spike.finding().anomalyId())
        .isEqualTo(AnomalyIds.of("TEMPORAL_SPIKE", "160010|2022-06"));
    JsonNode evidence = JSON.readTree(spike.finding().evidenceJson());
    assertThat(evidence.get("month_contracts").asInt()).isEqualTo(3);
    assertThat(evidence.get("top_contracts").get(0).get("contract_number").asText())
        .isEqualTo(MILLION_IN_JUNE.contractNumber());
    assertThat(evidence.get("top_contracts")).hasSize(3);
    assertThat(evidence.get("months_observed").asInt()).isEqualTo(24);
    // one spike among 240 unit-months: q = p × 240
    assertThat(spike.qValue()).isCloseTo(spike.finding().pValue() * 240, within(1e-18));
  }

  @Test
  void withoutTheSeasonalFactorsEveryDecemberWouldBeASpike() {
    List<UnitMonthScore> flagged =
        TemporalSpikes.score(TemporalSpikes.unitMonths(valued), TemporalSpikeDetectorTest.SEEDED)
            .collectAsList()
            .stream()
            .filter(TemporalSpikeDetectorTest.SEEDED::flags)
            .toList();

    assertThat(flagged.stream().filter(s -> s.month().month() == 12)).hasSize(20);
  }
}
