package org.sentinela.analytics.detect;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.sentinela.analytics.fixtures.SeededLegalLimits;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.significance.SignificanceStage;

/** The procurement detectors' Spark stages on small named fixture frames. */
class ProcurementStagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ContractSplittingDetector SPLITTING =
      new ContractSplittingDetector(
          new BigDecimal("1.0"),
          1,
          90,
          2,
          ContractSplittingDetectorTest.SEEDED_RULES,
          SeededLegalLimits.asMigrated());
  private static final DuplicateRegistrationDetector DUPLICATES =
      new DuplicateRegistrationDetector(new BigDecimal("2"), 1);
  private static final AmendmentOverLimitDetector AMENDMENTS =
      AmendmentOverLimitDetectorTest.SEEDED;

  /** The findings as published rows; what is flagged, not its q-value, is the subject here. */
  private static List<Anomaly> anomalies(Dataset<Row> rows) {
    return SignificanceStage.adjust(rows, 1_000).collectAsList().stream()
        .map(AnomalyStage::toAnomaly)
        .toList();
  }

  private static List<Anomaly> splits(List<TestContract> contracts) {
    return anomalies(
        ContractGroups.detect(ContractGroups.candidates(LakeFixtures.frame(contracts)), SPLITTING));
  }

  @Test
  void threeFortyThousandDispensasInSixtyDaysAreFlaggedWithTheWholeGroupInEachEvidence()
      throws Exception {
    List<TestContract> dispensas =
        ContractFixtures.threeFortyThousandDispensasInSixtyDaysAt2022Unit();
    List<TestContract> lake = new ArrayList<>(dispensas);
    lake.addAll(ContractFixtures.twelveRioPregoesAroundTenThousand());

    List<Anomaly> found = splits(lake);

    assertThat(found)
        .extracting(a -> a.contract().naturalKey())
        .containsExactlyInAnyOrderElementsOf(
            dispensas.stream().map(TestContract::naturalKey).toList());
    for (Anomaly anomaly : found) {
      assertThat(anomaly.finding().detector()).isEqualTo("CONTRACT_SPLITTING");
      assertThat(anomaly.contract().unitCode()).isEqualTo("158001");
      assertThat(anomaly.contract().modality()).isEqualTo("DISPENSA");
      JsonNode evidence = JSON.readTree(anomaly.finding().evidenceJson());
      assertThat(evidence.get("contracts").findValuesAsText("contract_number"))
          .containsExactlyElementsOf(dispensas.stream().map(TestContract::contractNumber).toList());
      assertThat(evidence.get("group_sum").decimalValue()).isEqualByComparingTo("120000");
      assertThat(evidence.get("limit").decimalValue()).isEqualByComparingTo("54020.41");
      assertThat(evidence.get("limit_act").asText()).isEqualTo("Dec. 10.922/2021");
    }
  }

  @Test
  void twoDispensas200DaysApartAreNotFlagged() {
    assertThat(splits(ContractFixtures.twoDispensas200DaysApart())).isEmpty();
  }

  @Test
  void aContractReRegisteredUnderAnotherNumberIsFlaggedOncePerRegistration() throws Exception {
    List<TestContract> registrations = ContractFixtures.contractReRegisteredUnderAnotherNumber();
    List<TestContract> lake = new ArrayList<>(registrations);
    lake.addAll(ContractFixtures.twelveRioPregoesAroundTenThousand());
    lake.addAll(ContractFixtures.threeFortyThousandDispensasInSixtyDaysAt2022Unit());

    List<Anomaly> found =
        anomalies(
            ContractGroups.detect(ContractGroups.candidates(LakeFixtures.frame(lake)), DUPLICATES));

    assertThat(found)
        .extracting(a -> a.contract().contractNumber())
        .containsExactlyInAnyOrder("00031/2022", "00057/2022");
    Anomaly first =
        found.stream()
            .filter(a -> a.contract().contractNumber().equals("00031/2022"))
            .findFirst()
            .orElseThrow();
    JsonNode evidence = JSON.readTree(first.finding().evidenceJson());
    assertThat(evidence.get("other_contract_numbers").get(0).asText()).isEqualTo("00057/2022");
    assertThat(first.finding().anomalyId())
        .isEqualTo(AnomalyIds.of("DUPLICATE_REGISTRATION", registrations.get(0).naturalKey()));
  }

  @Test
  void aTwentySixPercentAmendmentIsFlaggedButNotTwentyFourNorAFortyPercentRenovation() {
    List<TestContract> amended =
        ContractFixtures.amendmentsOf24And26PercentAndA40PercentRenovation();
    Dataset<Row> valued = ScoringValues.withValueUsed(LakeFixtures.frame(amended));
    // the amendment detector needs no segment statistics: profiles without baselines
    Dataset<Row> noBaselines = SegmentBaselines.compute(valued.where(lit(false)));

    List<Anomaly> found =
        anomalies(
            AnomalyStage.detect(SegmentProfiles.attach(valued, noBaselines), List.of(AMENDMENTS)));

    assertThat(found)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.contract().naturalKey()).isEqualTo(amended.get(1).naturalKey());
              assertThat(a.contract().finalValue()).isEqualByComparingTo("126000");
              assertThat(a.finding().explanation()).contains("26.0% above");
            });
  }
}
