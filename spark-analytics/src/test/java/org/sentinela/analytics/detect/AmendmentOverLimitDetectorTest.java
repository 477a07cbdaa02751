package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.fixtures.SeededLegalLimits;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.significance.EmpiricalTail;

public class AmendmentOverLimitDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The continuing-service terms migration V4 seeds. */
  public static final List<String> SEEDED_CONTINUING_TERMS =
      List.of(
          "CONTINUO",
          "CONTINUOS",
          "CONTINUA",
          "CONTINUAS",
          "CONTINUADO",
          "CONTINUADOS",
          "CONTINUADA",
          "CONTINUADAS");

  /** The detector as migration V4 seeds it. */
  static final AmendmentOverLimitDetector SEEDED =
      new AmendmentOverLimitDetector(
          new BigDecimal("1.0"),
          1,
          List.of("REFORMA", "REFORMAS"),
          SEEDED_CONTINUING_TERMS,
          new BigDecimal("1000"),
          SeededLegalLimits.asMigrated());

  private static TestContract amended(String initial, String last, String object) {
    return TestContract.pregao("RJ", "26000")
        .initialValue(initial)
        .finalValue(last)
        .objectText(object)
        .signed(LocalDate.of(2022, 3, 10));
  }

  private static Optional<Finding> evaluate(TestContract contract) {
    return SEEDED.evaluate(contract.profile(List.of()));
  }

  @Test
  void aTwentyFourPercentAmendmentIsWithinTheLimitAndTwentySixIsNot() throws Exception {
    assertThat(evaluate(amended("100000.00", "124000.00", "Aquisição de papel"))).isEmpty();
    // exactly the legal 25% is allowed
    assertThat(evaluate(amended("100000.00", "125000.00", "Aquisição de papel"))).isEmpty();

    TestContract contract = amended("100000.00", "126000.00", "Aquisição de papel");
    Finding finding = evaluate(contract).orElseThrow();

    assertThat(finding.detector()).isEqualTo("AMENDMENT_OVER_LIMIT");
    assertThat(finding.anomalyId())
        .isEqualTo(AnomalyIds.of("AMENDMENT_OVER_LIMIT", contract.naturalKey()));
    assertThat(finding.score()).isCloseTo(0.26 / 0.25, within(1e-12));
    // no reference tonight: no evidence of rarity
    assertThat(finding.pValue()).isEqualTo(1.0);
    assertThat(finding.explanation())
        .isEqualTo(
            "Final value R$ 126,000.00 is 26.0% above the initial value R$ 100,000.00: more"
                + " than the 25% Lei 14.133/2021 art. 125 allows.");
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("threshold").decimalValue()).isEqualByComparingTo("1.0");
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(1);
    assertThat(evidence.get("initial_value").decimalValue()).isEqualByComparingTo("100000");
    assertThat(evidence.get("final_value").decimalValue()).isEqualByComparingTo("126000");
    assertThat(evidence.get("growth_ratio").decimalValue()).isEqualByComparingTo("0.26");
    assertThat(evidence.get("limit_ratio").decimalValue()).isEqualByComparingTo("0.25");
    assertThat(evidence.get("limit_kind").asText()).isEqualTo("ART125_AMENDMENT");
    assertThat(evidence.get("law").asText()).isEqualTo("LEI_14133");
    assertThat(evidence.get("limit_basis").asText()).isEqualTo("Lei 14.133/2021 art. 125");
    assertThat(evidence.get("renovation").asBoolean()).isFalse();
    assertThat(evidence.get("renovation_term").isNull()).isTrue();
    assertThat(evidence.get("allowed_final_value").decimalValue()).isEqualByComparingTo("125000");
    assertThat(evidence.get("excess_value").decimalValue()).isEqualByComparingTo("1000");
  }

  @Test
  void aRenovationMayGrowFiftyPercentAndSaysWhyInTheEvidence() throws Exception {
    assertThat(evaluate(amended("100000.00", "140000.00", "Reforma do bloco B"))).isEmpty();

    Finding finding =
        evaluate(amended("100000.00", "160000.00", "Objeto: REFORMA do bloco B")).orElseThrow();

    assertThat(finding.score()).isCloseTo(0.6 / 0.5, within(1e-12));
    assertThat(finding.explanation())
        .isEqualTo(
            "Final value R$ 160,000.00 is 60.0% above the initial value R$ 100,000.00: more"
                + " than the 50% Lei 14.133/2021 art. 125 allows for a renovation (the object"
                + " mentions REFORMA).");
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("renovation").asBoolean()).isTrue();
    assertThat(evidence.get("renovation_term").asText()).isEqualTo("REFORMA");
    assertThat(evidence.get("limit_kind").asText()).isEqualTo("ART125_RENOVATION");
    // "reformados" (retreaded tyres) is not a renovation
    assertThat(evaluate(amended("100000.00", "140000.00", "Pneus reformados"))).isPresent();
  }

  @Test
  void contractsSignedBeforeLei14133AreHeldToLei8666() throws Exception {
    TestContract old =
        amended("10000.00", "13000.00", "Serviço de limpeza").signed(LocalDate.of(2020, 6, 1));

    JsonNode evidence = JSON.readTree(evaluate(old).orElseThrow().evidenceJson());

    assertThat(evidence.get("law").asText()).isEqualTo("LEI_8666");
    assertThat(evidence.get("limit_basis").asText()).isEqualTo("Lei 8.666/93 art. 65 §1º");
  }

  @Test
  void thePValueIsTheShareOfTonightsTestedContractsThatGrewAtLeastAsMuch() throws Exception {
    TestContract grewFiftyPercent = amended("10000.00", "15000.00", "Serviço de limpeza");
    TestContract grewTwentySix = amended("100000.00", "126000.00", "Serviço de limpeza");
    TestContract renovationOfForty = amended("100000.00", "140000.00", "Reforma do prédio");
    List<TestContract> tonight = new java.util.ArrayList<>();
    tonight.addAll(List.of(grewFiftyPercent, grewTwentySix, renovationOfForty));
    for (int i = 0; i < 97; i++) {
      tonight.add(amended("10000.00", "10000.00", "Aquisição de papel"));
    }
    double[] shares =
        tonight.stream().map(TestContract::facts).mapToDouble(SEEDED::referenceShare).toArray();
    AmendmentOverLimitDetector calibrated =
        SEEDED.withReference(EmpiricalTail.of(SEEDED.reference().from(), tonight.size(), shares));

    // growth / ceiling: 2.0, 1.04 and 0.8 (a renovation's 40% against its 50%); 97 did not grow
    assertThat(shares).containsOnly(2.0, 1.04, 0.8, 0.0);
    Finding fifty = calibrated.evaluate(grewFiftyPercent.profile(List.of())).orElseThrow();
    Finding twentySix = calibrated.evaluate(grewTwentySix.profile(List.of())).orElseThrow();
    assertThat(fifty.pValue()).isEqualTo(1 / 100.0);
    assertThat(twentySix.pValue()).isEqualTo(2 / 100.0);
    JsonNode evidence = JSON.readTree(twentySix.evidenceJson());
    assertThat(evidence.get("p_value").asDouble()).isEqualTo(0.02);
    assertThat(evidence.get("reference_contracts").asLong()).isEqualTo(100);
    assertThat(evidence.get("reference_at_least").asLong()).isEqualTo(2);
  }

  @Test
  void testsContractsWithBothValuesAndACeilingButNotContinuingServices() {
    assertThat(SEEDED.tests(amended("10000.00", "10000.00", "Serviços continuados").facts()))
        .isTrue();
    assertThat(SEEDED.tests(amended("10000.00", "13000.00", "Serviços continuados").facts()))
        .isFalse();
    assertThat(SEEDED.tests(amended("10000.00", "13000.00", "Serviço de limpeza").facts()))
        .isTrue();
    assertThat(SEEDED.tests(TestContract.pregao("RJ", "26000").initialValue("500.00").facts()))
        .isFalse();
    assertThat(SEEDED.tests(amended("999.99", "13000.00", "x").facts())).isFalse();
    assertThat(
            SEEDED.tests(
                amended("10000.00", "20000.00", "x").signed(LocalDate.of(1990, 1, 1)).facts()))
        .isFalse();
  }

  @Test
  void contractsWithoutAPositiveInitialValueOrAFinalValueAreNotExamined() {
    assertThat(evaluate(TestContract.pregao("RJ", "26000").finalValue("500.00"))).isEmpty();
    assertThat(
            evaluate(TestContract.pregao("RJ", "26000").initialValue("0.00").finalValue("500.00")))
        .isEmpty();
    assertThat(SEEDED.growth(TestContract.pregao("RJ", "26000").initialValue("500.00").facts()))
        .isEmpty();
    // signed before the first ceiling in the table
    assertThat(evaluate(amended("10000.00", "20000.00", "x").signed(LocalDate.of(1990, 1, 1))))
        .isEmpty();
  }

  @Test
  void leavesPlaceholderInitialValuesAndContinuingServicesAlone() {
    // R$ 1,00 grown to R$ 51 million is a placeholder, IMPLAUSIBLE_VALUE's case
    assertThat(evaluate(amended("1.00", "51182064.00", "Serviços de saúde"))).isEmpty();
    // a continuing service's final value includes its yearly renewals
    assertThat(evaluate(amended("100000.00", "300000.00", "Serviços continuados de limpeza")))
        .isEmpty();
    assertThat(evaluate(amended("100000.00", "300000.00", "Serviços de limpeza"))).isPresent();
  }

  @Test
  void capsTheScoreSoOneAbsurdRatioDoesNotDwarfEveryOtherFlag() {
    Finding huge = evaluate(amended("1000.00", "99000000.00", "Obra")).orElseThrow();

    assertThat(huge.score()).isEqualTo(AmendmentOverLimitDetector.MAX_SCORE);
  }

  @Test
  void readsItsSettingsFromTheThresholdRow() {
    DetectorThreshold row =
        new DetectorThreshold(
            "AMENDMENT_OVER_LIMIT",
            2,
            new BigDecimal("1.2"),
            Map.of(
                "renovation_terms",
                "reforma, Reformas ,",
                "continuing_service_terms",
                "continuo,continuos,continua,continuas,continuado,continuados,continuada,continuadas",
                "min_initial_value",
                "1000"));

    assertThat(AmendmentOverLimitDetector.fromThreshold(row, SeededLegalLimits.asMigrated()))
        .isEqualTo(
            new AmendmentOverLimitDetector(
                new BigDecimal("1.2"),
                2,
                List.of("REFORMA", "REFORMAS"),
                List.of(
                    "CONTINUO",
                    "CONTINUOS",
                    "CONTINUA",
                    "CONTINUAS",
                    "CONTINUADO",
                    "CONTINUADOS",
                    "CONTINUADA",
                    "CONTINUADAS"),
                new BigDecimal("1000"),
                SeededLegalLimits.asMigrated()));
  }
}
