package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.fixtures.ContractFixtures;
import org.sentinela.analytics.fixtures.LakeFixtures;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.significance.SignificanceStage;

/** The unit-level detectors' Spark stages (BUNCHING, SUPPLIER_CONCENTRATION) on named fixtures. */
class UnitYearStagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The V12 seed, except: examined from 4 contracts and R$ 10,000, peer groups of 10, and p-values
   * up to 0.1 (1/13 is the smallest in a group of 13).
   */
  private static final SupplierConcentrationDetector CONCENTRATION =
      new SupplierConcentrationDetector(
          new BigDecimal("3.5"), 2, 4, new BigDecimal("10000"), 10, 0.1, 0.1, 0, 0.5, 3, 10);

  /** The findings as published rows; what is flagged, not its q-value, is the subject here. */
  private static List<Anomaly> anomalies(UnitYearFindings found) {
    return SignificanceStage.adjust(found.anomalies(), 1_000).collectAsList().stream()
        .map(AnomalyStage::toAnomaly)
        .toList();
  }

  @Test
  void aUnitBunchingItsDispensasUnderTheLimitIsFlaggedButADearUnitIsNot() throws Exception {
    List<TestContract> bunching = ContractFixtures.sixDispensasJustUnderThe8666LimitAtA2022Unit();
    List<TestContract> dear =
        ContractFixtures.tenDispensasSpreadEvenlyUpToThe8666LimitAtA2022Unit();
    List<TestContract> lake = new ArrayList<>(bunching);
    lake.addAll(dear);
    lake.addAll(ContractFixtures.threeFortyThousandDispensasInSixtyDaysAt2022Unit());
    lake.addAll(ContractFixtures.twelveRioPregoesAroundTenThousand());

    UnitYearFindings stage =
        BunchingStage.detect(LakeFixtures.frame(lake), BunchingDetectorTest.SEEDED);
    List<Anomaly> found = anomalies(stage);

    // R$ 17,550 is the dearest of the six just under R$ 17,600
    TestContract dearest =
        bunching.stream().max(Comparator.comparing(TestContract::initialValue)).orElseThrow();
    assertThat(found)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.contract().naturalKey()).isEqualTo(dearest.naturalKey());
              assertThat(a.contract().unitCode()).isEqualTo("170001");
              assertThat(a.finding().anomalyId())
                  .isEqualTo(AnomalyIds.ofUnitYear("BUNCHING", "170001", 2022, "ART24_II"));
              assertThat(a.finding().pValue()).isCloseTo(Math.pow(12 / 59.0, 6), within(1e-15));
              assertThat(a.finding().explanation())
                  .startsWith(
                      "6 of the 6 dispensas of unit 170001 in 2022 between R$ 8,800.00 and the"
                          + " Lei 8.666/93 art. 24 II limit of R$ 17,600.00 (Dec. 9.412/2018)");
            });
    // tested: both units' Lei 8.666 cells (the 14.133 cells have no band contracts, unit 158001
    // has three dispensas)
    assertThat(stage.hypotheses()).isEqualTo(2);
    JsonNode evidence = JSON.readTree(found.get(0).finding().evidenceJson());
    // national counts under Lei 8.666: the dear unit's 7 reference dispensas (2 adjacent)
    assertThat(evidence.get("national_reference_contracts").asInt()).isEqualTo(7);
    assertThat(evidence.get("national_adjacent_contracts").asInt()).isEqualTo(2);
    double expected = (2 + 50 * 0.2) / (7 + 2 + 50);
    assertThat(evidence.get("expected_share").asDouble()).isCloseTo(expected, within(1e-15));
    assertThat(evidence.get("p_value").asDouble()).isCloseTo(Math.pow(expected, 6), within(1e-15));
    assertThat(evidence.get("dispensas").asInt()).isEqualTo(8);
    assertThat(evidence.get("band_contracts").asInt()).isEqualTo(6);
    assertThat(evidence.get("band_value").decimalValue()).isEqualByComparingTo("102450");
    assertThat(evidence.get("contracts")).hasSize(6);
    assertThat(evidence.get("contracts").get(0).get("value").decimalValue())
        .isEqualByComparingTo("17550");
  }

  @Test
  void aLargeUnitWhoseTopSupplierTakesItsYearIsFlaggedButASmallUnitWithTwoSuppliersIsNot()
      throws Exception {
    List<TestContract> concentrated =
        ContractFixtures.largeUnitWhoseTopSupplierTakesEightyPercent();
    List<TestContract> lake = new ArrayList<>(concentrated);
    lake.addAll(ContractFixtures.smallUnitWithTwoSuppliers());
    lake.addAll(ContractFixtures.smallAndLargeUnitsWithTheirUsualSuppliers());
    // classified suppliers are many under one code: never a top supplier
    for (int i = 0; i < 10; i++) {
      lake.add(
          TestContract.pregao("MG", "26000")
              .unit("173003")
              .classifiedSupplier()
              .initialValue("50000.00"));
    }

    Dataset<Row> frame = LakeFixtures.frame(lake);
    UnitYearFindings stage = SupplierConcentrationStage.detect(frame, CONCENTRATION);
    List<Anomaly> found = anomalies(stage);

    assertThat(found)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.contract().unitCode()).isEqualTo("173001");
              assertThat(a.contract().supplierId()).isEqualTo("55666777000188");
              assertThat(a.finding().anomalyId())
                  .isEqualTo(
                      AnomalyIds.ofUnitYear(
                          "SUPPLIER_CONCENTRATION", "173001", 2022, "55666777000188"));
              assertThat(a.finding().explanation())
                  .startsWith(
                      "This contract's supplier holds 81.8% of the R$ 880,000.00 unit 173001"
                          + " contracted in 2022 and signed 12 of its 20 contracts (9 suppliers)");
            });
    // 12 small and 12 large usual units, the small pair and the concentrated unit
    assertThat(stage.hypotheses()).isEqualTo(26);
    JsonNode evidence = JSON.readTree(found.get(0).finding().evidenceJson());
    assertThat(found.get(0).finding().pValue()).isCloseTo(1 / 13.0, within(1e-15));
    assertThat(evidence.get("top_supplier_contracts").asInt()).isEqualTo(12);
    assertThat(evidence.get("top_supplier_value").decimalValue()).isEqualByComparingTo("720000");
    assertThat(evidence.get("peer_group").get("unit_years").asInt()).isEqualTo(13);
    assertThat(evidence.get("peer_group").get("from_contracts").asInt()).isEqualTo(20);
    assertThat(evidence.get("p_value").asDouble()).isCloseTo(1 / 13.0, within(1e-15));
    assertThat(evidence.get("contracts")).hasSize(10);

    List<SupplierShares> unitYears = SupplierConcentrationStage.unitYears(frame, CONCENTRATION);
    assertThat(unitYears).extracting(SupplierShares::unitCode).doesNotContain("173003");
    SupplierShares pair =
        unitYears.stream().filter(u -> u.unitCode().equals("173002")).findFirst().orElseThrow();
    assertThat(pair.hhi()).isCloseTo(0.52, within(1e-12));
    assertThat(pair.topShare()).isCloseTo(0.6, within(1e-12));
  }
}
