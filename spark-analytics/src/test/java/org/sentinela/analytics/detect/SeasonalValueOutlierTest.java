package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
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
import org.sentinela.analytics.baseline.SeasonalFactors;
import org.sentinela.analytics.baseline.SeasonalStats;
import org.sentinela.analytics.baseline.SegmentBaselines;
import org.sentinela.analytics.baseline.SegmentProfiles;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.TestContract;

/**
 * VALUE_OUTLIER on three years of Rio pregões whose Decembers cost three times the other months.
 */
class SeasonalValueOutlierTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ValueOutlierDetector SEEDED =
      new ValueOutlierDetector(new BigDecimal("3.5"), 1, 30, 0.05);

  private static final TestContract DECEMBER_THIRTY_THOUSAND =
      TestContract.pregao("RJ", "26000").finalValue("30000.00").signed(LocalDate.of(2023, 12, 20));
  private static final TestContract MAY_THIRTY_THOUSAND =
      TestContract.pregao("RJ", "26000").finalValue("30000.00").signed(LocalDate.of(2023, 5, 20));

  private static Dataset<Row> valued;
  private static Dataset<Row> profiles;
  private static SeasonalFactors factors;

  @BeforeAll
  static void threeYearsWithADecemberRise() {
    List<TestContract> contracts =
        new ArrayList<>(ContractFixtures.rioPregoesWithADecemberRiseOverThreeYears());
    contracts.add(DECEMBER_THIRTY_THOUSAND);
    contracts.add(MAY_THIRTY_THOUSAND);
    valued = ScoringValues.withValueUsed(LakeFixtures.frame(contracts)).cache();
    Dataset<Row> baselines = SegmentBaselines.compute(valued).cache();
    factors =
        SeasonalStats.factors(
            valued, baselines.collectAsList().stream().map(SegmentBaselines::toBaseline).toList());
    profiles = SegmentProfiles.attach(valued, baselines).cache();
  }

  @AfterAll
  static void release() {
    profiles.unpersist();
    valued.unpersist();
  }

  private static List<Finding> findings(ValueOutlierDetector detector) {
    return AnomalyStage.detect(profiles, detector).collectAsList().stream()
        .map(
            row ->
                new Finding(
                    row.getAs(AnomalyStage.ANOMALY_ID),
                    row.getAs(AnomalyStage.DETECTOR),
                    row.<Double>getAs(AnomalyStage.SCORE),
                    row.<Double>getAs(AnomalyStage.P_VALUE),
                    row.getAs(AnomalyStage.THRESHOLD),
                    row.<Integer>getAs(AnomalyStage.THRESHOLD_VERSION),
                    row.getAs(AnomalyStage.EVIDENCE),
                    row.getAs(AnomalyStage.EXPLANATION)))
        .toList();
  }

  @Test
  void decembersRiseIsLearntFromEveryYear() {
    SeasonalFactor december =
        factors.of("UF_MODALITY_ORGAN", "uf=RJ|modality=PREGAO|organ=26000", 12).orElseThrow();

    assertThat(december.years()).isEqualTo(3);
    assertThat(december.observations()).isEqualTo(13);
    assertThat(december.rawFactor()).isCloseTo(Math.log(3), within(0.1));
    // shrunk five times, level by level, toward a national factor shrunk toward 0
    assertThat(december.multiple()).isBetween(2.4, 3.0);
    assertThat(december.anchorLevel()).isEqualTo("UF_MODALITY_ORGAN");
  }

  @Test
  void aDecemberContractNormalForDecemberIsNotFlaggedButTheSameValueInMayIs() throws Exception {
    List<Finding> found = findings(SEEDED.forTonight(factors, List.of()));

    assertThat(found)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.anomalyId())
                    .isEqualTo(AnomalyIds.of("VALUE_OUTLIER", MAY_THIRTY_THOUSAND.naturalKey())));
    Finding may = found.get(0);
    JsonNode evidence = JSON.readTree(may.evidenceJson());
    assertThat(evidence.get("month").asInt()).isEqualTo(5);
    assertThat(evidence.get("segment_level").asText()).isEqualTo("UF_MODALITY_ORGAN");
    SeasonalFactor mayFactor =
        factors.of("UF_MODALITY_ORGAN", "uf=RJ|modality=PREGAO|organ=26000", 5).orElseThrow();
    assertThat(evidence.get("seasonal_factor").asDouble()).isEqualTo(mayFactor.factor());
    assertThat(evidence.get("seasonal_level").asText()).isEqualTo("UF_MODALITY_ORGAN");
    assertThat(evidence.get("seasonal_years").asInt()).isEqualTo(3);
    assertThat(evidence.get("adjusted_log_value").asDouble())
        .isCloseTo(Math.log(30_000) - mayFactor.factor(), within(1e-12));
    assertThat(evidence.get("direction").asText()).isEqualTo("ABOVE");
  }

  @Test
  void withoutTheSeasonalAdjustmentTheDecemberContractWouldBeFlaggedToo() {
    assertThat(findings(SEEDED))
        .extracting(Finding::anomalyId)
        .contains(
            AnomalyIds.of("VALUE_OUTLIER", DECEMBER_THIRTY_THOUSAND.naturalKey()),
            AnomalyIds.of("VALUE_OUTLIER", MAY_THIRTY_THOUSAND.naturalKey()));
  }

  @Test
  void aDecemberFarAboveEvenDecembersIsFlaggedAndExplainedWithItsSeason() throws Exception {
    ValueOutlierDetector seasonal = SEEDED.forTonight(factors, List.of());
    TestContract dearDecember =
        TestContract.pregao("RJ", "26000")
            .finalValue("150000.00")
            .signed(LocalDate.of(2023, 12, 22));
    Row december = profiles.where("month(signature_date) = 12").first();

    Finding finding =
        seasonal
            .evaluate(dearDecember.profile(AnomalyStage.profileOf(december).segments()))
            .orElseThrow();

    assertThat(finding.explanation())
        .startsWith("Final value R$ 150,000.00 is ")
        .contains(" robust deviations above the median ")
        .endsWith(
            " Seasonally adjusted: December contracts run ×"
                + String.format(java.util.Locale.ROOT, "%.2f", factorOfDecember().multiple())
                + " the median (factor of UF=RJ × PREGAO × organ 26000).");
  }

  private static SeasonalFactor factorOfDecember() {
    return factors.of("UF_MODALITY_ORGAN", "uf=RJ|modality=PREGAO|organ=26000", 12).orElseThrow();
  }
}
