package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.detect.BunchingDetector.Assessment;
import org.sentinela.analytics.detect.BunchingDetector.Cell;
import org.sentinela.analytics.detect.BunchingDetector.ExpectedShare;
import org.sentinela.analytics.detect.BunchingDetector.Position;
import org.sentinela.analytics.fixtures.SeededLegalLimits;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.legal.Law;
import org.sentinela.analytics.legal.LimitKind;
import org.sentinela.analytics.significance.PValues;

class BunchingDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The V9 seed. */
  static final BunchingDetector SEEDED =
      new BunchingDetector(
          new BigDecimal("2.0"),
          1,
          0.5,
          0.9,
          5,
          3,
          0.01,
          50,
          10,
          ContractSplittingDetectorTest.SEEDED_RULES,
          SeededLegalLimits.asMigrated());

  private static TestContract dispensa(String value, LocalDate signed) {
    return TestContract.dispensa("PA", "26000")
        .unit("154043")
        .initialValue(value)
        .objectText("Aquisição de material de consumo")
        .signed(signed);
  }

  private static List<String> positions(TestContract contract) {
    return SEEDED.positions(contract.facts()).stream()
        .map(
            p ->
                p.limit().kind()
                    + " "
                    + String.format(Locale.US, "%.4f", p.ratio())
                    + (p.inWindow() ? " window" : "")
                    + (p.inBand() ? " band" : "")
                    + (p.inAdjacent() ? " adjacent" : ""))
        .toList();
  }

  @Test
  void aDispensaIsPlacedAgainstEveryLimitInForceThatItDoesNotExceed() {
    LocalDate march2022 = LocalDate.of(2022, 3, 1);

    assertThat(positions(dispensa("16500.00", march2022)))
        .containsExactly("ART75_II 0.3054", "ART24_II 0.9375 window band");
    assertThat(positions(dispensa("40000.00", march2022)))
        .containsExactly("ART75_II 0.7405 window");
    // Lei 14.133 came into force on 1 April 2021
    assertThat(positions(dispensa("15000.00", LocalDate.of(2021, 3, 31))))
        .containsExactly("ART24_II 0.8523 window adjacent");
    assertThat(positions(dispensa("60000.00", march2022))).isEmpty();
    assertThat(
            SEEDED.positions(TestContract.pregao("PA", "26000").initialValue("16500.00").facts()))
        .isEmpty();
  }

  @Test
  void theBandAndTheAdjacentBinStartExactlyAtTheirFractionOfTheLimit() {
    LocalDate march2022 = LocalDate.of(2022, 3, 1);

    // 0.9 × 17,600 = 15,840 and 0.8 × 17,600 = 14,080; 0.5 × 17,600 = 8,800
    assertThat(positions(dispensa("15840.00", march2022))).last().asString().endsWith("band");
    assertThat(positions(dispensa("15839.99", march2022))).last().asString().endsWith("adjacent");
    assertThat(positions(dispensa("14080.00", march2022))).last().asString().endsWith("adjacent");
    assertThat(positions(dispensa("14079.99", march2022))).last().asString().endsWith("window");
    assertThat(positions(dispensa("8800.00", march2022))).last().asString().endsWith("window");
    assertThat(positions(dispensa("8799.99", march2022)).get(1)).doesNotContain("window");
    assertThat(positions(dispensa("17600.00", march2022))).last().asString().endsWith("band");
  }

  @Test
  void theExpectedShareExtendsTheNationalDensityJustBelowTheBandIntoIt() {
    List<Cell> cells =
        List.of(
            new Cell("1", 2022, LimitKind.ART24_II, 300, 120, 30, 20),
            new Cell("2", 2021, LimitKind.ART24_I, 100, 50, 10, 10),
            new Cell("3", 2022, LimitKind.ART75_II, 10, 4, 1, 1));

    Map<Law, ExpectedShare> shares = SEEDED.expectedShares(cells);

    // Lei 8.666: reference (window − band) 90 + 40 = 130, adjacent 30; flat share 0.1 / 0.5
    ExpectedShare lei8666 = shares.get(Law.LEI_8666);
    assertThat(lei8666.reference()).isEqualTo(130);
    assertThat(lei8666.adjacent()).isEqualTo(30);
    assertThat(lei8666.share()).isCloseTo((30 + 50 * 0.2) / (130 + 30 + 50), within(1e-15));
    // Lei 14.133: almost no data, almost the flat share
    assertThat(shares.get(Law.LEI_14133).share())
        .isCloseTo((1 + 50 * 0.2) / (3 + 1 + 50), within(1e-15));
    assertThat(SEEDED.expectedShares(List.of()).get(Law.LEI_8666).share())
        .isCloseTo(0.2, within(1e-15));
  }

  @Test
  void aUnitWithFourOfFiveWindowDispensasInTheBandIsTestedAgainstTheBinomialTail() {
    ExpectedShare expected = new ExpectedShare(Law.LEI_8666, 784, 190, 190 / 974.0);
    Cell cell = new Cell("154043", 2022, LimitKind.ART24_II, 7, 5, 4, 0);

    Assessment assessment = SEEDED.assess(cell, expected).orElseThrow();

    assertThat(assessment.observedShare()).isEqualTo(0.8);
    assertThat(assessment.pValue())
        .isCloseTo(BinomialTail.upper(5, 4, 190 / 974.0), within(1e-18))
        .isCloseTo(0.00611, within(1e-5));
    assertThat(assessment.score()).isCloseTo(0.8 / (190 / 974.0), within(1e-12));
    assertThat(assessment.flagged()).isTrue();
  }

  @Test
  void aDearUnitWhoseDispensasSpreadEvenlyUpToTheLimitIsNotFlagged() {
    ExpectedShare expected = new ExpectedShare(Law.LEI_8666, 784, 190, 190 / 974.0);
    // 30 of 100 in the band against an expected 19.5%: p ≈ 0.009, but only 1.5 times the share
    Assessment dear =
        SEEDED
            .assess(new Cell("2", 2022, LimitKind.ART24_II, 120, 100, 30, 20), expected)
            .orElseThrow();
    // 3 of 10: 1.5 times the share, p ≈ 0.31
    Assessment fewer =
        SEEDED
            .assess(new Cell("3", 2022, LimitKind.ART24_II, 10, 10, 3, 2), expected)
            .orElseThrow();

    assertThat(dear.pValue()).isLessThan(0.01);
    assertThat(dear.score()).isLessThan(2.0);
    assertThat(dear.flagged()).isFalse();
    assertThat(fewer.pValue()).isGreaterThan(0.3);
    assertThat(fewer.flagged()).isFalse();
  }

  @Test
  void aTailTooSmallForADoubleIsReportedAtTheFloor() {
    Assessment extreme =
        SEEDED
            .assess(
                new Cell("1", 2022, LimitKind.ART24_II, 2000, 2000, 2000, 0),
                new ExpectedShare(Law.LEI_8666, 0, 0, 0.2))
            .orElseThrow();

    assertThat(extreme.pValue()).isEqualTo(PValues.FLOOR);
  }

  @Test
  void cellsBelowTheMinimumCountsAreNotTested() {
    ExpectedShare expected = new ExpectedShare(Law.LEI_8666, 0, 0, 0.2);

    assertThat(SEEDED.assess(new Cell("1", 2022, LimitKind.ART24_II, 4, 4, 4, 0), expected))
        .isEmpty();
    assertThat(SEEDED.assess(new Cell("1", 2022, LimitKind.ART24_II, 20, 2, 2, 0), expected))
        .isEmpty();
    assertThat(SEEDED.assess(new Cell("1", 2022, LimitKind.ART24_II, 20, 3, 3, 0), expected))
        .hasValueSatisfying(a -> assertThat(a.pValue()).isCloseTo(0.008, within(1e-15)));
  }

  @Test
  void theFindingIsCarriedByTheDearestBandContractWithTheBandInItsEvidence() throws Exception {
    List<TestContract> band =
        List.of(
            dispensa("16500.00", LocalDate.of(2022, 2, 14)),
            dispensa("17500.00", LocalDate.of(2022, 3, 14)),
            dispensa("16900.00", LocalDate.of(2022, 4, 14)),
            dispensa("17500.00", LocalDate.of(2022, 5, 14)));
    List<Position> positions =
        band.stream()
            .map(c -> SEEDED.positions(c.facts()).get(1))
            .filter(Position::inBand)
            .toList();
    ExpectedShare expected = new ExpectedShare(Law.LEI_8666, 784, 190, 0.195);
    Assessment assessment =
        SEEDED
            .assess(new Cell("154043", 2022, LimitKind.ART24_II, 7, 5, 4, 0), expected)
            .orElseThrow();

    GroupFinding found = SEEDED.finding(assessment, positions);

    assertThat(found.naturalKey()).isEqualTo(band.get(1).naturalKey());
    Finding finding = found.finding();
    assertThat(finding.anomalyId())
        .isEqualTo(AnomalyIds.ofUnitYear("BUNCHING", "154043", 2022, "ART24_II"));
    assertThat(finding.detector()).isEqualTo("BUNCHING");
    assertThat(finding.score()).isCloseTo(0.8 / 0.195, within(1e-12));
    assertThat(finding.pValue()).isEqualTo(assessment.pValue());
    assertThat(finding.explanation())
        .isEqualTo(
            "4 of the 5 dispensas of unit 154043 in 2022 between R$ 8,800.00 and the Lei 8.666/93"
                + " art. 24 II limit of R$ 17,600.00 (Dec. 9.412/2018) are within 10% of the limit"
                + " (R$ 15,840.00 or more): 80.0% against an expected 19.5%, 4.1 times the"
                + " expected share (p = 0.0061).");
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("detector").asText()).isEqualTo("BUNCHING");
    assertThat(evidence.get("threshold").decimalValue()).isEqualByComparingTo("2.0");
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(1);
    assertThat(evidence.get("unit_code").asText()).isEqualTo("154043");
    assertThat(evidence.get("year").asInt()).isEqualTo(2022);
    assertThat(evidence.get("law").asText()).isEqualTo("LEI_8666");
    assertThat(evidence.get("limit_kind").asText()).isEqualTo("ART24_II");
    assertThat(evidence.get("limit_basis").asText()).isEqualTo("Lei 8.666/93 art. 24 II");
    assertThat(evidence.get("limit").decimalValue()).isEqualByComparingTo("17600");
    assertThat(evidence.get("limit_act").asText()).isEqualTo("Dec. 9.412/2018");
    assertThat(evidence.get("band_from_value").decimalValue()).isEqualByComparingTo("15840");
    assertThat(evidence.get("dispensas").asInt()).isEqualTo(7);
    assertThat(evidence.get("window_contracts").asInt()).isEqualTo(5);
    assertThat(evidence.get("band_contracts").asInt()).isEqualTo(4);
    assertThat(evidence.get("expected_share").asDouble()).isEqualTo(0.195);
    assertThat(evidence.get("expected_band_contracts").asDouble()).isCloseTo(0.975, within(1e-12));
    assertThat(evidence.get("p_value").asDouble()).isEqualTo(assessment.pValue());
    assertThat(evidence.get("national_reference_contracts").asInt()).isEqualTo(784);
    assertThat(evidence.get("band_value").decimalValue()).isEqualByComparingTo("68400");
    assertThat(evidence.get("contracts").findValuesAsText("contract_number"))
        .containsExactly(
            band.get(1).contractNumber(),
            band.get(3).contractNumber(),
            band.get(2).contractNumber(),
            band.get(0).contractNumber());
    assertThat(evidence.get("contracts").findValuesAsText("flagged_contract"))
        .containsExactly("true", "false", "false", "false");
    assertThat(evidence.get("contracts").get(0).get("limit_ratio").asDouble())
        .isCloseTo(17500 / 17600.0, within(1e-15));
  }

  @Test
  void theEvidenceListsOnlyTheDearestBandContracts() throws Exception {
    BunchingDetector listsTwo =
        new BunchingDetector(
            new BigDecimal("2.0"),
            1,
            0.5,
            0.9,
            5,
            3,
            0.01,
            50,
            2,
            ContractSplittingDetectorTest.SEEDED_RULES,
            SeededLegalLimits.asMigrated());
    List<Position> positions =
        List.of("16000.00", "17000.00", "16500.00").stream()
            .map(v -> listsTwo.positions(dispensa(v, LocalDate.of(2022, 6, 1)).facts()).get(1))
            .toList();
    Assessment assessment =
        listsTwo
            .assess(
                new Cell("154043", 2022, LimitKind.ART24_II, 5, 3, 3, 0),
                new ExpectedShare(Law.LEI_8666, 0, 0, 0.2))
            .orElseThrow();

    JsonNode evidence =
        JSON.readTree(listsTwo.finding(assessment, positions).finding().evidenceJson());

    assertThat(evidence.get("band_contracts").asInt()).isEqualTo(3);
    assertThat(evidence.get("contracts").findValues("value"))
        .extracting(JsonNode::decimalValue)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("17000"), new BigDecimal("16500"));
  }

  @Test
  void settingsThatLeaveNoReferenceRangeAreRefused() {
    assertThatThrownBy(
            () ->
                new BunchingDetector(
                    new BigDecimal("2.0"),
                    1,
                    0.85,
                    0.9,
                    5,
                    3,
                    0.01,
                    50,
                    10,
                    ContractSplittingDetectorTest.SEEDED_RULES,
                    SeededLegalLimits.asMigrated()))
        .hasMessageContaining("window_from <= 2 × band_from − 1")
        .hasMessageContaining("got 0.85 and 0.9");
    assertThatThrownBy(
            () ->
                new BunchingDetector(
                    new BigDecimal("2.0"),
                    1,
                    0.5,
                    0.9,
                    5,
                    3,
                    0,
                    50,
                    10,
                    ContractSplittingDetectorTest.SEEDED_RULES,
                    SeededLegalLimits.asMigrated()))
        .hasMessage("BUNCHING max_p_value must be in (0, 1], got 0.0");
  }
}
