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

  /** The V12 seed. */
  static final SupplierConcentrationDetector SEEDED =
      new SupplierConcentrationDetector(
          new BigDecimal("3.5"), 2, 10, new BigDecimal("100000"), 30, 0.1, 0.05, 0, 0.5, 3, 10);

  /** Small peer groups (and p-values up to 0.1), for hand-sized examples. */
  private static final SupplierConcentrationDetector THREE_PEERS =
      new SupplierConcentrationDetector(
          new BigDecimal("3.5"), 2, 10, new BigDecimal("100000"), 3, 0.1, 0.1, 0, 0.5, 3, 2);

  /** ln((k + ½) / (n − k + ½)). */
  private static double logit(int k, int n) {
    return Math.log((k + 0.5) / (n - k + 0.5));
  }

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
  void sharesAndHhiComeFromTheSuppliersValuesAndTheTopSupplierSignedTheMostContracts() {
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
    assertThat(shares.topSupplierId()).isEqualTo("C");
    assertThat(shares.topValue()).isEqualByComparingTo("200000");
    assertThat(shares.topContracts()).isEqualTo(6);
    assertThat(shares.topShare()).isEqualTo(0.2);
    assertThat(shares.secondShare()).isEqualTo(0.3);
    assertThat(shares.topContractShare()).isEqualTo(0.5);
    assertThat(shares.topContractLogit()).isZero();
    assertThat(SupplierShares.of("1", 2022, List.of(supplier("A", "10", 1))).hhi()).isEqualTo(1.0);
  }

  @Test
  void aTieForTopSupplierGoesToTheLargerValueThenTheLowerId() {
    assertThat(
            SupplierShares.of("1", 2022, List.of(supplier("B", "100", 2), supplier("A", "900", 1)))
                .topSupplierId())
        .isEqualTo("B");
    assertThat(
            SupplierShares.of("1", 2022, List.of(supplier("B", "100", 2), supplier("A", "900", 2)))
                .topSupplierId())
        .isEqualTo("A");
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

  /**
   * A unit-year of 12 contracts whose one dear contract (R$ 300,000 to R$ 3.2 million) holds most
   * of the value, the other 11 (R$ 10,000 each) going to five suppliers (3, 2, 2, 2, 2): the
   * heavy-tailed background whose value HHI is high whoever signs the contracts.
   */
  private static SupplierShares oneDearContract(String unit, int i) {
    return SupplierShares.of(
        unit,
        2022,
        List.of(
            supplier(unit + "-dear", Long.toString(300_000 + 100_000L * i), 1),
            supplier(unit + "-a", "30000", 3),
            supplier(unit + "-b", "20000", 2),
            supplier(unit + "-c", "20000", 2),
            supplier(unit + "-d", "20000", 2),
            supplier(unit + "-e", "20000", 2)));
  }

  @Test
  void aSupplierSigningMostOfAUnitsContractsIsFlaggedThoughItsValueHhiIsOrdinary() {
    List<SupplierShares> unitYears = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      unitYears.add(oneDearContract("peer" + i, i));
    }
    // 10 of 12 contracts (and 83% of the value) to one supplier
    SupplierShares concentrated =
        SupplierShares.of(
            "153000",
            2022,
            List.of(
                supplier("A", "500000", 10), supplier("B", "50000", 1), supplier("C", "50000", 1)));
    unitYears.add(concentrated);

    List<Assessment> assessed = SEEDED.assess(unitYears);

    Assessment found =
        assessed.stream().filter(a -> a.unitYear() == concentrated).findFirst().orElseThrow();
    // version 1's statistic: its value HHI (0.71) is below most of its peers' (0.55 to 0.94)
    double[] peerHhi =
        unitYears.subList(0, 30).stream().mapToDouble(SupplierShares::hhi).sorted().toArray();
    assertThat(concentrated.hhi()).isLessThan(SupplierConcentrationDetector.median(peerHhi));
    // every peer's top supplier signed 3 of 12: equal logits, so the MAD is 0 and floored at
    // min_mad
    assertThat(found.peers().medianLogit()).isCloseTo(logit(3, 12), within(1e-12));
    assertThat(found.peers().madLogit()).isZero();
    assertThat(found.z()).isCloseTo((logit(10, 12) - logit(3, 12)) / (1.4826 * 0.1), within(1e-9));
    assertThat(found.pValue()).isEqualTo(1 / 31.0);
    assertThat(found.flagged()).isTrue();
    // the background peers, value HHI up to 0.94, are not
    assertThat(assessed)
        .filteredOn(a -> a.unitYear() != concentrated)
        .noneMatch(Assessment::flagged);
  }

  @Test
  void aUnitYearFarMoreConcentratedThanItsPeersIsFlagged() {
    List<SupplierShares> unitYears = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      unitYears.add(evenlySplit("peer" + i, 12, 4 + i % 3)); // top supplier: 3, 3 or 2 of 12
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

    // logits: logit(2, 12) ×3, logit(3, 12) ×6 and logit(8, 12); median logit(3, 12); six
    // deviations of 0, so the MAD is 0 and floored at 0.1
    assertThat(assessment.peers().unitYears()).isEqualTo(10);
    assertThat(assessment.peers().medianLogit()).isCloseTo(logit(3, 12), within(1e-12));
    assertThat(assessment.peers().madLogit()).isZero();
    assertThat(assessment.peers().medianShare(12)).isCloseTo(0.25, within(1e-12));
    assertThat(assessment.z())
        .isCloseTo((logit(8, 12) - logit(3, 12)) / (1.4826 * 0.1), within(1e-9));
    assertThat(assessment.pValue()).isEqualTo(0.1);
    assertThat(assessment.flagged()).isTrue();
    // with the seeded max_p_value of 0.05, ten unit-years are too few to flag anything
    SupplierConcentrationDetector strict =
        new SupplierConcentrationDetector(
            new BigDecimal("3.5"), 2, 10, new BigDecimal("100000"), 3, 0.1, 0.05, 0, 0.5, 3, 2);
    assertThat(strict.assess(unitYears)).noneMatch(Assessment::flagged);
  }

  @Test
  void oneLargeContractOrLessThanHalfTheContractsIsNotASupplierTakingTheUnit() {
    List<SupplierShares> unitYears = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      unitYears.add(evenlySplit("peer" + i, 12, 6));
    }
    // 90% of the value in a single contract (value HHI 0.81); the other 11 to four suppliers
    SupplierShares oneContract =
        SupplierShares.of(
            "big",
            2022,
            List.of(
                supplier("A", "900000", 1),
                supplier("B", "30000", 3),
                supplier("C", "30000", 3),
                supplier("D", "20000", 3),
                supplier("E", "20000", 2)));
    // 5 of 12 contracts and 90% of the value: far above the peers, but not most of the contracts
    SupplierShares fiveOfTwelve =
        SupplierShares.of(
            "five",
            2022,
            List.of(
                supplier("A", "900000", 5), supplier("B", "60000", 4), supplier("C", "40000", 3)));
    unitYears.add(oneContract);
    unitYears.add(fiveOfTwelve);

    List<Assessment> assessed = THREE_PEERS.assess(unitYears);

    Assessment big =
        assessed.stream().filter(a -> a.unitYear() == oneContract).findFirst().orElseThrow();
    assertThat(oneContract.hhi()).isGreaterThan(0.8);
    assertThat(oneContract.topSupplierId()).isEqualTo("B");
    assertThat(big.z()).isLessThan(3.5);
    assertThat(big.flagged()).isFalse();
    Assessment five =
        assessed.stream().filter(a -> a.unitYear() == fiveOfTwelve).findFirst().orElseThrow();
    assertThat(five.z()).isGreaterThan(3.5);
    assertThat(five.pValue()).isLessThanOrEqualTo(0.1);
    assertThat(fiveOfTwelve.topContractShare()).isLessThan(0.5);
    assertThat(five.flagged()).isFalse();
  }

  @Test
  void aSmallUnitWithTwoSuppliersIsComparedWithSmallUnitsOnly() {
    SupplierConcentrationDetector fromFour =
        new SupplierConcentrationDetector(
            new BigDecimal("3.5"), 2, 4, new BigDecimal("10000"), 5, 0.1, 0.05, 0, 0.5, 3, 10);
    List<SupplierShares> unitYears = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      unitYears.add(evenlySplit("small" + i, 5 + i % 2, 2 + i % 2)); // top: 3 of 5 or 2 of 6
      unitYears.add(evenlySplit("large" + i, 20, 10 + i)); // top: 2 of 20
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
                supplier("B", "140000", 2),
                supplier("C", "60000", 1)));
    SupplierConcentrationDetector.PeerGroup peers =
        new SupplierConcentrationDetector.PeerGroup(10, 19, 602, -1.85, 0.25);
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
                + " in 2022 and signed 3 of its 6 contracts (3 suppliers): 4.1 robust deviations"
                + " above the top suppliers of 602 unit-years with 10 to 19 contracts, who sign a"
                + " median 7.5% of them (p = 0.0183).");
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("detector").asText()).isEqualTo("SUPPLIER_CONCENTRATION");
    assertThat(evidence.get("threshold").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(2);
    assertThat(evidence.get("unit_code").asText()).isEqualTo("153000");
    assertThat(evidence.get("hhi").asDouble()).isCloseTo(0.6632, within(1e-12));
    assertThat(evidence.get("top_supplier_share").asDouble()).isEqualTo(0.8);
    assertThat(evidence.get("top_supplier_contracts").asInt()).isEqualTo(3);
    assertThat(evidence.get("top_supplier_contract_share").asDouble()).isEqualTo(0.5);
    assertThat(evidence.get("top_supplier_contract_logit").asDouble()).isZero();
    assertThat(evidence.get("top_supplier_value").decimalValue()).isEqualByComparingTo("800000");
    assertThat(evidence.get("second_supplier_share").asDouble()).isEqualTo(0.14);
    assertThat(evidence.get("peer_group").get("unit_years").asInt()).isEqualTo(602);
    assertThat(evidence.get("peer_group").get("median_contract_logit").asDouble()).isEqualTo(-1.85);
    assertThat(evidence.get("peer_group").get("median_contract_share").asDouble())
        .isCloseTo(0.0752, within(1e-4));
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
            new SupplierConcentrationDetector.PeerGroup(10, 19, 30, -1.8, 0.25),
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
