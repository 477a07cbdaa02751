package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.ScoringValues;
import org.sentinela.analytics.baseline.SegmentBaselines;
import org.sentinela.analytics.baseline.SegmentProfiles;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.Quantiles;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.significance.Severity;
import org.sentinela.analytics.significance.SignificanceStage;
import org.sentinela.analytics.significance.StudentTail;

class AnomalyStageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ValueOutlierDetector SEEDED =
      new ValueOutlierDetector(new BigDecimal("3.5"), 1, 30, 0.05);

  /**
   * Values → baselines → profiles → findings → q-values, as the nightly run chains them; every
   * contract is one hypothesis.
   */
  private static List<Anomaly> anomaliesOf(List<TestContract> contracts) {
    Dataset<Row> valued = ScoringValues.withValueUsed(LakeFixtures.frame(contracts)).cache();
    Dataset<Row> baselines = SegmentBaselines.compute(valued).cache();
    List<Anomaly> anomalies =
        SignificanceStage.adjust(
                AnomalyStage.detect(SegmentProfiles.attach(valued, baselines), SEEDED),
                contracts.size())
            .collectAsList()
            .stream()
            .map(AnomalyStage::toAnomaly)
            .toList();
    baselines.unpersist();
    valued.unpersist();
    return anomalies;
  }

  @Test
  void tenBillionAmongRioPregoesIsFlaggedAgainstTheRioSegmentWithItsRobustZ() throws Exception {
    List<TestContract> contracts = new ArrayList<>();
    contracts.addAll(ContractFixtures.twelveRioPregoesAroundTenThousand());
    contracts.addAll(ContractFixtures.thirtyRioHealthPregoesAroundTwelveThousand());
    TestContract outlier = ContractFixtures.tenBillionRioPregao();
    contracts.add(outlier);

    List<Anomaly> anomalies = anomaliesOf(contracts);

    assertThat(anomalies).hasSize(1);
    Anomaly anomaly = anomalies.get(0);
    // the organ segment holds 13 contracts (< 30): scored against UF=RJ × PREGAO, 43 contracts
    double[] rio = contracts.stream().mapToDouble(TestContract::logValue).toArray();
    double median = Quantiles.median(rio);
    double z = (Math.log(1e10) - median) / (1.4826 * Math.max(Quantiles.mad(rio), 0.05));
    JsonNode evidence = JSON.readTree(anomaly.finding().evidenceJson());
    assertThat(evidence.get("segment_level").asText()).isEqualTo("UF_MODALITY");
    assertThat(evidence.get("segment_key").asText()).isEqualTo("uf=RJ|modality=PREGAO");
    assertThat(evidence.get("segment_n").asInt()).isEqualTo(43);
    assertThat(evidence.get("median_log_value").asDouble()).isCloseTo(median, within(1e-12));
    assertThat(evidence.get("z").asDouble()).isCloseTo(z, within(1e-9));
    assertThat(evidence.get("levels_skipped")).hasSize(1);
    assertThat(evidence.get("levels_skipped").get(0).get("level").asText())
        .isEqualTo("UF_MODALITY_ORGAN");
    assertThat(evidence.get("levels_skipped").get(0).get("n").asInt()).isEqualTo(13);
    assertThat(anomaly.finding().score()).isCloseTo(z, within(1e-9));
    // the parent (region SE × PREGAO) holds the same 43 contracts: the moderated MAD is the MAD
    assertThat(evidence.get("degrees_of_freedom").asDouble()).isCloseTo(0.37 * 73, within(1e-9));
    assertThat(anomaly.finding().pValue())
        .isEqualTo(StudentTail.upper(z / Math.sqrt(1 + Math.PI / 86), 0.37 * 73));
    // the night's only finding among 43 hypotheses: q = p × 43 / 1
    assertThat(anomaly.qValue()).isEqualTo(Math.min(1, anomaly.finding().pValue() * 43));
    assertThat(anomaly.severity()).isEqualTo(Severity.HIGH);
    assertThat(evidence.get("p_value").asDouble()).isEqualTo(anomaly.finding().pValue());
    assertThat(anomaly.finding().anomalyId())
        .isEqualTo(AnomalyIds.of("VALUE_OUTLIER", outlier.naturalKey()));
    assertThat(anomaly.finding().explanation())
        .startsWith("Final value R$ 10,000,000,000.00 is ")
        .endsWith(" contracts in segment UF=RJ × PREGAO.")
        .contains(" robust deviations above the median R$ 1");

    ContractDetails contract = anomaly.contract();
    assertThat(contract.naturalKey()).isEqualTo(outlier.naturalKey());
    assertThat(contract.buyerUf()).isEqualTo("RJ");
    assertThat(contract.superiorOrganCode()).isEqualTo("26000");
    assertThat(contract.finalValue()).isEqualByComparingTo("10000000000");
    assertThat(contract.initialValue()).isEqualByComparingTo("10000");
    assertThat(contract.objectText()).isEqualTo("Aquisição de \"material\", de limpeza\nlote 1");
    assertThat(contract.signatureDate()).isEqualTo(java.time.LocalDate.of(2022, 1, 15));
  }

  @Test
  void whenEverySegmentIsSmallTheNationalBaselineIsUsed() throws Exception {
    List<TestContract> bahia = new ArrayList<>();
    for (String value : List.of("9000.00", "9500.00", "10000.00", "10500.00", "11000.00")) {
      bahia.add(TestContract.pregao("BA", "26000").finalValue(value));
    }
    TestContract outlier = TestContract.pregao("BA", "26000").finalValue("10000000000.00");
    bahia.add(outlier);

    List<Anomaly> anomalies = anomaliesOf(bahia);

    assertThat(anomalies)
        .singleElement()
        .satisfies(a -> assertThat(a.contract().naturalKey()).isEqualTo(outlier.naturalKey()));
    JsonNode evidence = JSON.readTree(anomalies.get(0).finding().evidenceJson());
    assertThat(evidence.get("segment_level").asText()).isEqualTo("NATIONAL");
    assertThat(evidence.get("levels_skipped").findValuesAsText("level"))
        .containsExactly("UF_MODALITY_ORGAN", "UF_MODALITY", "MACRO_MODALITY", "MODALITY");
    assertThat(evidence.get("levels_skipped").findValuesAsText("n")).containsOnly("6");
  }

  @Test
  void normalSeasonalAndRegionalVariationIsNotFlagged() {
    // São Paulo pays five times what Bahia pays and December nearly doubles: all ordinary
    assertThat(anomaliesOf(ContractFixtures.seasonalRegionalPregoes())).isEmpty();
  }

  @Test
  void fiveReaisAmongRioPregoesIsFarBelowAndNotFlagged() {
    List<TestContract> contracts = new ArrayList<>();
    contracts.addAll(ContractFixtures.thirtyRioHealthPregoesAroundTwelveThousand());
    TestContract cheap = ContractFixtures.fiveReaisRioPregao();
    contracts.add(cheap);

    assertThat(anomaliesOf(contracts)).isEmpty();
  }
}
