package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.detect.SupplierConcentrationDetector.Assessment;
import org.sentinela.analytics.detect.SupplierShares.SupplierTotal;
import org.sentinela.analytics.fixtures.TestContract;

class SupplierConcentrationDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The V9 seed. */
  static final SupplierConcentrationDetector SEEDED =
      new SupplierConcentrationDetector(
          new BigDecimal("3.5"), 1, 10, new BigDecimal("100000"), 30, 0.02, 0.05, 0.5, 3, 10);

  /** Small peer groups (and p-values up to 0.1), for hand-sized examples. */
  private static final SupplierConcentrationDetector THREE_PEERS =
      new SupplierConcentrationDetector(
          new BigDecimal("3.5"), 1, 10, new BigDecimal("100000"), 3, 0.02, 0.1, 0.5, 3, 2);

  private static SupplierTotal supplier(String id, String value, long contracts) {
    return new SupplierTotal(id, new BigDecimal(value), contracts);
  }

  /** A unit-year of {@code contracts} contracts worth R$ 1 million split among equal suppliers. */
  private static SupplierShares evenlySplit(String unit, int contracts, int suppliers) {
    List<SupplierTotal> totals = new ArrayList<>();
    for (int s = 0; s < suppliers; s++) {
      long mine = contracts / suppliers + (s < contracts % suppliers ? 1 : 0);
      totals.add(supplier(unit + "-" + s, "1000000", mine));
    }
    return SupplierShares.of(unit, 2022, totals);
  }

  @Test
  void sharesAndHhiComeFromTheSuppliersValues() {
    SupplierShares shares =
        SupplierShares.of(
            "153000",
            2022,
            List.of(
                supplier("B", "300000", 4),
                supplier("A", "500000", 2),
                supplier("C", "200000", 6)));

    assertThat(shares.contracts()).isEqualTo(12);
    assertThat(shares.suppliers()).isEqualTo(3);
    assertThat(shares.totalValue()).isEqualByComparingTo("1000000");
    assertThat(shares.hhi()).isCloseTo(0.25 + 0.09 + 0.04, within(1e-15));
    assertThat(shares.topSupplierId()).isEqualTo("A");
    assertThat(shares.topValue()).isEqualByComparingTo("500000");
    assertThat(shares.topContracts()).isEqualTo(2);
    assertThat(shares.topShare()).isEqualTo(0.5);
    assertThat(shares.secondShare()).isEqualTo(0.3);
    assertThat(SupplierShares.of("1", 2022, List.of(supplier("A", "10", 1))).hhi()).isEqualTo(1.0);
  }

  @Test
  void aTieForTopSupplierGoesToMoreContractsThenTheLowerId() {
    assertThat(
            SupplierShares.of("1", 2022, List.of(supplier("B", "100", 2), supplier("A", "100", 1)))
                .topSupplierId())
        .isEqualTo("B");
    assertThat(
            SupplierShares.of("1", 2022, List.of(supplier("B", "100", 1), supplier("A", "100", 1)))
                .topSupplierId())
        .isEqualTo("A");
  }

  @Test
  void sizeBandsDoubleFromTheMinimumCount() {
    assertThat(SEEDED.sizeBand(10)).isZero();
    assertThat(SEEDED.sizeBand(19)).isZero();
    assertThat(SEEDED.sizeBand(20)).isEqualTo(1);
    assertThat(SEEDED.sizeBand(39)).isEqualTo(1);
    assertThat(SEEDED.sizeBand(40)).isEqualTo(2);
    assertThat(SEEDED.sizeBand(1_000)).isEqualTo(6);
  }

  @Test
  void smallBandsAreMergedUpwardAndATooSmallTopJoinsTheGroupBelow() {
    List<SupplierShares> unitYears = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      unitYears.add(evenlySplit("a" + i, 12, 4)); // band 0: 4 unit-years
    }
    unitYears.add(evenlySplit("b0", 25, 5)); // band 1: 1
    unitYears.add(evenlySplit("c0", 45, 5)); // band 2: 2
    unitYears.add(evenlySplit("c1", 50, 5));
    unitYears.add(evenlySplit("d0", 90, 9)); // band 3: 1, a remainder
    unitYears.add(evenlySplit("tiny", 9, 3)); // too few contracts: not examined

    List<List<SupplierShares>> groups = THREE_PEERS.peerGroups(unitYears);

    assertThat(groups)
        .extracting(g -> g.stream().map(SupplierShares::unitCode).toList())
        .containsExactly(List.of("a0", "a1", "a2", "a3"), List.of("b0", "c0", "c1", "d0"));
    assertThat(SEEDED.peerGroups(unitYears)).isEmpty();
  }

  @Test
  void aUnitYearFarMoreConcentratedThanItsPeersIsFlagged() {
    List<SupplierShares> unitYears = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      unitYears.add(evenlySplit("peer" + i, 12, 4 + i % 3)); // HHI 1/4, 1/5, 1/6
    }
    SupplierShares concentrated =
        SupplierShares.of(
            "153000",
            2022,
            List.of(
                supplier("A", "800000", 8),
                supplier("B", "100000", 2),
                supplier("C", "100000", 2)));
    unitYears.add(concentrated);

    Assessment assessment =
        THREE_PEERS.assess(unitYears).stream()
            .filter(a -> a.unitYear().equals(concentrated))
            .findFirst()
            .orElseThrow();

    // HHIs: 1/6 ×3, 0.2 ×3, 0.25 ×3 and 0.66; median 0.2; deviations 0 ×3, 1/30 ×3, 0.05 ×3
    // and 0.46, so MAD 1/30
    assertThat(assessment.peers().unitYears()).isEqualTo(10);
    assertThat(assessment.peers().medianHhi()).isCloseTo(0.2, within(1e-12));
    assertThat(assessment.peers().madHhi()).isCloseTo(1 / 30.0, within(1e-12));
    assertThat(concentrated.hhi()).isCloseTo(0.66, within(1e-12));
    assertThat(assessment.z()).isCloseTo((0.66 - 0.2) / (1.4826 / 30), within(1e-9));
    assertThat(assessment.pValue()).isEqualTo(0.1);
    assertThat(assessment.flagged()).isTrue();
    // with the seeded max_p_value of 0.05, ten unit-years are too few to flag anything
    SupplierConcentrationDetector strict =
        new SupplierConcentrationDetector(
            new BigDecimal("3.5"), 1, 10, new BigDecimal("100000"), 3, 0.02, 0.05, 0.5, 3, 2);
    assertThat(strict.assess(unitYears)).noneMatch(Assessment::flagged);
  }

  @Test
  void oneLargeContractOrAShareBelowTheMinimumIsNotASupplierTakingTheUnit() {
    List<SupplierShares> unitYears = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      unitYears.add(evenlySplit("peer" + i, 12, 6));
    }
    // 90% of the value in a single contract
    SupplierShares oneContract =
        SupplierShares.of(
            "big", 2022, List.of(supplier("A", "900000", 1), supplier("B", "100000", 11)));
    unitYears.add(oneContract);

    Assessment assessment =
        THREE_PEERS.assess(unitYears).stream()
            .filter(a -> a.unitYear().equals(oneContract))
            .findFirst()
            .orElseThrow();

    assertThat(assessment.z()).isGreaterThan(3.5);
    assertThat(assessment.flagged()).isFalse();
  }

  @Test
  void aSmallUnitWithTwoSuppliersIsComparedWithSmallUnitsOnly() {
    SupplierConcentrationDetector fromFour =
        new SupplierConcentrationDetector(
            new BigDecimal("3.5"), 1, 4, new BigDecimal("10000"), 5, 0.02, 0.05, 0.5, 3, 10);
    List<SupplierShares> unitYears = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      unitYears.add(evenlySplit("small" + i, 5 + i % 2, 2 + i % 2)); // HHI 1/2 or 1/3
      unitYears.add(evenlySplit("large" + i, 20, 10 + i)); // HHI 0.1 to 0.067
    }
    SupplierShares twoSuppliers =
        SupplierShares.of(
            "pair", 2022, List.of(supplier("A", "60000", 3), supplier("B", "40000", 3)));
    unitYears.add(twoSuppliers);

    Assessment pair =
        fromFour.assess(unitYears).stream()
            .filter(a -> a.unitYear().equals(twoSuppliers))
            .findFirst()
            .orElseThrow();

    assertThat(pair.peers().fromContracts()).isEqualTo(5);
    assertThat(pair.peers().toContracts()).isEqualTo(6);
    assertThat(pair.z()).isLessThan(1);
    assertThat(pair.flagged()).isFalse();
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    double[] sorted = {0.1, 0.2, 0.3, 0.5};

    assertThat(SupplierConcentrationDetector.median(sorted)).isCloseTo(0.25, within(1e-15));
    assertThat(SupplierConcentrationDetector.median(new double[] {1, 2, 7})).isEqualTo(2);
  }

  @Test
  void theFindingIsCarriedByTheTopSuppliersDearestContract() throws Exception {
    List<TestContract> top = new ArrayList<>();
    for (String value : List.of("100000.00", "500000.00", "200000.00")) {
      top.add(
          TestContract.pregao("RJ", "26000")
              .unit("153000")
              .supplier("55666777000188")
              .initialValue(value)
              .signed(LocalDate.of(2022, 5, 2)));
    }
    SupplierShares unitYear =
        SupplierShares.of(
            "153000",
            2022,
            List.of(
                supplier("55666777000188", "800000", 3),
                supplier("B", "140000", 4),
                supplier("C", "60000", 5)));
    SupplierConcentrationDetector.PeerGroup peers =
        new SupplierConcentrationDetector.PeerGroup(10, 19, 602, 0.29, 0.12);
    Assessment assessment = new Assessment(unitYear, peers, 4.1, 0.0183, true);

    GroupFinding found =
        THREE_PEERS.finding(assessment, top.stream().map(TestContract::facts).toList());

    assertThat(found.naturalKey()).isEqualTo(top.get(1).naturalKey());
    Finding finding = found.finding();
    assertThat(finding.anomalyId())
        .isEqualTo(
            AnomalyIds.ofUnitYear("SUPPLIER_CONCENTRATION", "153000", 2022, "55666777000188"));
    assertThat(finding.score()).isEqualTo(4.1);
    assertThat(finding.pValue()).isEqualTo(0.0183);
    assertThat(finding.explanation())
        .isEqualTo(
            "This contract's supplier holds 80.0% of the R$ 1,000,000.00 unit 153000 contracted"
                + " in 2022 (3 of 12 contracts; 3 suppliers): HHI 0.66, 4.1 robust deviations"
                + " above the median HHI 0.29 of 602 unit-years with 10 to 19 contracts"
                + " (p = 0.0183).");
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("detector").asText()).isEqualTo("SUPPLIER_CONCENTRATION");
    assertThat(evidence.get("threshold").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(1);
    assertThat(evidence.get("unit_code").asText()).isEqualTo("153000");
    assertThat(evidence.get("hhi").asDouble()).isCloseTo(0.6632, within(1e-12));
    assertThat(evidence.get("top_supplier_share").asDouble()).isEqualTo(0.8);
    assertThat(evidence.get("top_supplier_contracts").asInt()).isEqualTo(3);
    assertThat(evidence.get("top_supplier_value").decimalValue()).isEqualByComparingTo("800000");
    assertThat(evidence.get("second_supplier_share").asDouble()).isEqualTo(0.14);
    assertThat(evidence.get("peer_group").get("unit_years").asInt()).isEqualTo(602);
    assertThat(evidence.get("peer_group").get("median_hhi").asDouble()).isEqualTo(0.29);
    assertThat(evidence.get("p_value").asDouble()).isEqualTo(0.0183);
    assertThat(evidence.get("mad_floored").asBoolean()).isFalse();
    // two listed (evidence_contracts = 2), dearest first
    assertThat(evidence.get("contracts").findValuesAsText("contract_number"))
        .containsExactly(top.get(1).contractNumber(), top.get(2).contractNumber());
    assertThat(evidence.get("contracts").findValuesAsText("flagged_contract"))
        .containsExactly("true", "false");
    assertThat(evidence.toString()).doesNotContain("\"B\"").doesNotContain("\"C\"");
  }

  @Test
  void theTopSuppliersContractsMustAllBeGiven() {
    SupplierShares unitYear =
        SupplierShares.of("153000", 2022, List.of(supplier("A", "800000", 3)));
    Assessment assessment =
        new Assessment(
            unitYear,
            new SupplierConcentrationDetector.PeerGroup(10, 19, 30, 0.3, 0.1),
            5,
            0.01,
            true);
    List<ContractFacts> one =
        List.of(
            TestContract.pregao("RJ", "26000")
                .unit("153000")
                .supplier("A")
                .initialValue("800000.00")
                .facts());

    assertThatThrownBy(() -> THREE_PEERS.finding(assessment, one))
        .hasMessageContaining("the top supplier has 3 contracts, got 1");
  }
}
