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

/** TEMPORAL_SPIKE on ten Rio units whose Decembers hold six times their other months' contracts. */
class TemporalSpikesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Unit 160010 buys for R$ 1 million in June 2022, besides its two usual pregões. */
  private static final TestContract MILLION_IN_JUNE =
      TestContract.pregao("RJ", "26000")
          .unit("160010")
          .finalValue("1000000.00")
          .signed(LocalDate.of(2022, 6, 27));

  /** Unit 160003 signs twelve more pregões than its usual two in March 2022: a burst. */
  private static final List<TestContract> MARCH_BURST = new ArrayList<>();

  private static Dataset<Row> valued;

  @BeforeAll
  static void tenUnitsOverTwoYears() {
    List<TestContract> contracts =
        new ArrayList<>(
            ContractFixtures.tenRioUnitsWithSixTimesTheContractsEachDecemberOverTwoYears());
    contracts.add(MILLION_IN_JUNE);
    for (int i = 0; i < 12; i++) {
      MARCH_BURST.add(
          TestContract.pregao("RJ", "26000")
              .unit("160003")
              .finalValue(String.valueOf(25_000 + i) + ".00")
              .signed(LocalDate.of(2022, 3, 7 + i)));
    }
    contracts.addAll(MARCH_BURST);
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
  void theUsualDecemberIsLearntAndOnlyTheMarchBurstIsASpike() throws Exception {
    TemporalSpikes.Result result = TemporalSpikes.detect(valued, TemporalSpikeDetectorTest.SEEDED);

    assertThat(result.tested()).isEqualTo(240);
    SeasonalFactor december =
        result.seasonalFactors().of("UNIT_MONTH_UF", "uf=RJ", 12).orElseThrow();
    assertThat(december.observations()).isEqualTo(20);
    assertThat(december.years()).isEqualTo(2);
    assertThat(december.rawFactor()).isCloseTo(Math.log(6), within(0.1));
    assertThat(december.multiple()).isGreaterThan(4.5);
    List<Anomaly> spikes =
        SignificanceStage.adjust(result.anomalies(), result.tested()).collectAsList().stream()
            .map(AnomalyStage::toAnomaly)
            .toList();
    // the June million is one contract more than usual: VALUE_OUTLIER's, not an activity spike
    assertThat(spikes).hasSize(1);
    Anomaly spike = spikes.get(0);
    TestContract largest = MARCH_BURST.get(11);
    assertThat(spike.contract().naturalKey()).isEqualTo(largest.naturalKey());
    assertThat(spike.finding().anomalyId())
        .isEqualTo(AnomalyIds.of("TEMPORAL_SPIKE", "160003|2022-03"));
    JsonNode evidence = JSON.readTree(spike.finding().evidenceJson());
    assertThat(evidence.get("month_contracts").asInt()).isEqualTo(14);
    assertThat(evidence.get("expected_contracts").asDouble()).isCloseTo(2.0, within(0.01));
    assertThat(evidence.get("dispersion").asDouble()).isEqualTo(1.0);
    assertThat(evidence.get("z").asDouble())
        .isCloseTo(2 * Math.sqrt(14.375) - 2 * Math.sqrt(2.375), within(0.01));
    assertThat(evidence.get("top_contracts").get(0).get("contract_number").asText())
        .isEqualTo(largest.contractNumber());
    assertThat(evidence.get("top_contracts")).hasSize(10);
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

    // Unit 160003's March burst widens its own dispersion (φ from its other months), so its two
    // unadjusted Decembers stay under the threshold; every other unit's two Decembers are flagged.
    assertThat(flagged.stream().filter(s -> s.month().month() == 12))
        .hasSize(18)
        .noneMatch(s -> s.month().unitCode().equals("160003"));
  }
}
