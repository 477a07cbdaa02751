package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.ScoringValues;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.SeededLegalLimits;
import org.sentinela.analytics.fixtures.TestContract;

class HypothesisTallyTest {

  private static final Detectors SEEDED =
      new Detectors(
          new ValueOutlierDetector(new BigDecimal("3.5"), 1, 30, 0.05),
          AmendmentOverLimitDetectorTest.SEEDED,
          ImplausibleValueDetectorTest.SEEDED,
          new ContractSplittingDetector(
              BigDecimal.ONE,
              1,
              90,
              2,
              ContractSplittingDetectorTest.SEEDED_RULES,
              SeededLegalLimits.asMigrated()),
          new DuplicateRegistrationDetector(new BigDecimal("2"), 1),
          BunchingDetectorTest.SEEDED,
          SupplierConcentrationDetectorTest.SEEDED,
          TemporalSpikeDetectorTest.SEEDED);

  @Test
  void countsWhatEachDetectorTestsAndKeepsTheAmendmentReference() {
    List<TestContract> contracts = new ArrayList<>();
    contracts.addAll(ContractFixtures.threeFortyThousandDispensasInSixtyDaysAt2022Unit());
    contracts.addAll(ContractFixtures.twoDispensas200DaysApart());
    contracts.addAll(ContractFixtures.contractReRegisteredUnderAnotherNumber());
    contracts.addAll(ContractFixtures.amendmentsOf24And26PercentAndA40PercentRenovation());
    contracts.add(
        TestContract.pregao("GO", "26000")
            .initialValue("5912.28")
            .finalValue("591228.00")
            .signed(LocalDate.of(2022, 6, 1)));
    // a placeholder value (tested by IMPLAUSIBLE_VALUE only) and one without a value (not scored)
    contracts.add(TestContract.pregao("GO", "26000").classifiedSupplier().initialValue("0.50"));
    contracts.add(TestContract.pregao("GO", "26000").finalValue("0.00"));
    Dataset<Row> valued = ScoringValues.withValueUsed(LakeFixtures.frame(contracts)).repartition(3);

    HypothesisTally tally = HypothesisTally.of(valued, SEEDED);

    assertThat(tally.tested())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "VALUE_OUTLIER", 11L,
                // both values, R$ 1,000 or more initially: not the 200-day pair (no final value)
                "AMENDMENT_OVER_LIMIT", 9L,
                "IMPLAUSIBLE_VALUE", 12L,
                "CONTRACT_SPLITTING", 5L,
                "DUPLICATE_REGISTRATION", 11L));
    assertThat(tally.total()).isEqualTo(48);
    // growth / ceiling at or above 1: the 26% amendment (1.04) and the ×100 slip (396)
    assertThat(tally.amendmentReference().n()).isEqualTo(9);
    assertThat(tally.amendmentReference().atLeast(1.0)).isEqualTo(2);
    assertThat(tally.amendmentReference().atLeast(1.05)).isEqualTo(1);
  }
}
