package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.fixtures.SeededLegalLimits;
import org.sentinela.analytics.fixtures.TestContract;
import org.sentinela.analytics.legal.ObjectNature;

class ContractSplittingDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPLIER = "12345678000195";
  static final ObjectNatureRules SEEDED_RULES =
      new ObjectNatureRules(
          List.of("OBRA", "OBRAS", "ENGENHARIA", "REFORMA", "REFORMAS"),
          List.of("MAO DE OBRA"),
          List.of("MANUTENCAO"),
          List.of("VEICULO", "VEICULOS", "VEICULAR", "VIATURA", "VIATURAS", "FROTA"));
  private static final ContractSplittingDetector SEEDED =
      new ContractSplittingDetector(
          new BigDecimal("1.0"), 1, 90, 2, SEEDED_RULES, SeededLegalLimits.asMigrated());

  /** A dispensa of unit 153000 with the supplier, for {@code value}, signed on {@code date}. */
  private static TestContract dispensa(String value, String date) {
    return TestContract.dispensa("GO", "26000")
        .supplier(SUPPLIER)
        .initialValue(value)
        .finalValue(value)
        .objectText("Aquisição de material de expediente")
        .signed(LocalDate.parse(date));
  }

  private static List<GroupFinding> evaluate(TestContract... contracts) {
    return SEEDED.evaluate(Stream.of(contracts).map(TestContract::facts).toList());
  }

  @Test
  void threeDispensasOfFortyThousandInSixtyDaysOf2022AreAllFlaggedWithTheGroup() throws Exception {
    TestContract first = dispensa("40000.00", "2022-01-10");
    TestContract second = dispensa("40000.00", "2022-02-09");
    TestContract third = dispensa("40000.00", "2022-03-11");

    List<GroupFinding> findings = evaluate(third, first, second);

    assertThat(findings)
        .extracting(GroupFinding::naturalKey)
        .containsExactly(first.naturalKey(), second.naturalKey(), third.naturalKey());
    Finding finding = findings.get(0).finding();
    assertThat(finding.anomalyId())
        .isEqualTo(AnomalyIds.of("CONTRACT_SPLITTING", first.naturalKey()));
    assertThat(finding.score()).isCloseTo(120_000 / 54_020.41, within(1e-12));
    // 3 of the pair's 3 pieces of 2022 within 61 days: P(Bin(3, 61/365) >= 3) × 365/61
    assertThat(finding.pValue()).isCloseTo(Math.pow(61 / 365.0, 3) * 365 / 61, within(1e-12));
    assertThat(finding.explanation())
        .isEqualTo(
            "3 dispensas of unit 153000 with this supplier signed within 60 days (2022-01-10 to"
                + " 2022-03-11), each at or under the Lei 14.133/2021 art. 75 II limit of"
                + " R$ 54,020.41 (Dec. 10.922/2021), add up to R$ 120,000.00: 2.2 times the"
                + " limit.");
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("detector").asText()).isEqualTo("CONTRACT_SPLITTING");
    assertThat(evidence.get("threshold_version").asInt()).isEqualTo(1);
    assertThat(evidence.get("law").asText()).isEqualTo("LEI_14133");
    assertThat(evidence.get("limit_kind").asText()).isEqualTo("ART75_II");
    assertThat(evidence.get("limit").decimalValue()).isEqualByComparingTo("54020.41");
    assertThat(evidence.get("group_contracts").asInt()).isEqualTo(3);
    assertThat(evidence.get("group_sum").decimalValue()).isEqualByComparingTo("120000");
    assertThat(evidence.get("group_span_days").asInt()).isEqualTo(60);
    assertThat(evidence.get("contracts").findValuesAsText("contract_number"))
        .containsExactly(first.contractNumber(), second.contractNumber(), third.contractNumber());
    assertThat(evidence.get("contracts").findValuesAsText("signature_date"))
        .containsExactly("2022-01-10", "2022-02-09", "2022-03-11");
    assertThat(evidence.get("contracts").findValuesAsText("flagged_contract"))
        .containsExactly("true", "false", "false");
  }

  @Test
  void twoDispensas200DaysApartAreNotASplit() {
    assertThat(evaluate(dispensa("40000.00", "2022-01-10"), dispensa("40000.00", "2022-07-29")))
        .isEmpty();
  }

  @Test
  void theWindowEdgeIsNinetyDaysAndTheSumMustExceedTheLimit() {
    assertThat(evaluate(dispensa("30000.00", "2022-01-01"), dispensa("30000.00", "2022-04-01")))
        .hasSize(2);
    assertThat(evaluate(dispensa("30000.00", "2022-01-01"), dispensa("30000.00", "2022-04-02")))
        .isEmpty();
    // 27,010.20 + 27,010.21 = 54,020.41: at the limit, not above it
    assertThat(evaluate(dispensa("27010.20", "2022-01-01"), dispensa("27010.21", "2022-01-05")))
        .isEmpty();
  }

  @Test
  void onlyDispensasUnderTheLimitOfTheSameSupplierAndYearArePieces() {
    // above the limit: not a dispensa by value
    assertThat(evaluate(dispensa("60000.00", "2022-01-10"), dispensa("10000.00", "2022-01-20")))
        .isEmpty();
    // a pregão is not a dispensa
    TestContract pregao =
        TestContract.pregao("GO", "26000")
            .supplier(SUPPLIER)
            .finalValue("40000.00")
            .signed(LocalDate.of(2022, 1, 20));
    assertThat(evaluate(dispensa("40000.00", "2022-01-10"), pregao)).isEmpty();
    // another supplier
    assertThat(
            evaluate(
                dispensa("40000.00", "2022-01-10"),
                dispensa("40000.00", "2022-01-20").supplier("98765432000110")))
        .isEmpty();
    // across the turn of the year: two fiscal years, two limits
    assertThat(evaluate(dispensa("40000.00", "2021-12-20"), dispensa("40000.00", "2022-01-10")))
        .isEmpty();
    // "Sigiloso": many suppliers behind one code
    assertThat(
            evaluate(
                dispensa("40000.00", "2022-01-10").classifiedSupplier(),
                dispensa("40000.00", "2022-01-20").classifiedSupplier()))
        .isEmpty();
  }

  @Test
  void worksAndEngineeringTakeTheArticle75ILimit() throws Exception {
    TestContract a = dispensa("40000.00", "2022-01-10").objectText("Obra de reparo do telhado");
    TestContract b = dispensa("40000.00", "2022-02-10").objectText("Obra de reparo do muro");
    assertThat(evaluate(a, b)).isEmpty(); // 80,000 <= 108,040.82

    TestContract c = dispensa("40000.00", "2022-03-10").objectText("Serviços de engenharia");
    List<GroupFinding> findings = evaluate(a, b, c);

    assertThat(findings).hasSize(3);
    JsonNode evidence = JSON.readTree(findings.get(2).finding().evidenceJson());
    assertThat(evidence.get("limit_kind").asText()).isEqualTo("ART75_I");
    assertThat(evidence.get("limit").decimalValue()).isEqualByComparingTo("108040.82");
    assertThat(evidence.get("object_nature").asText()).isEqualTo("WORKS_OR_ENGINEERING");
    assertThat(evidence.get("object_nature_term").asText()).isEqualTo("ENGENHARIA");
  }

  @Test
  void beforeApril2021TheLei8666LimitIsUsedAndNamed() throws Exception {
    List<GroupFinding> findings =
        evaluate(dispensa("10000.00", "2020-09-01"), dispensa("10000.00", "2020-10-01"));

    assertThat(findings).hasSize(2);
    JsonNode evidence = JSON.readTree(findings.get(0).finding().evidenceJson());
    assertThat(evidence.get("law").asText()).isEqualTo("LEI_8666");
    assertThat(evidence.get("limit_basis").asText()).isEqualTo("Lei 8.666/93 art. 24 II");
    assertThat(evidence.get("limit").decimalValue()).isEqualByComparingTo("17600");
  }

  @Test
  void objectNaturesAreToldApartByTheirWords() {
    assertThat(SEEDED_RULES.classify("Objeto: EXECUÇÃO DE OBRAS de reforma").nature())
        .isEqualTo(ObjectNature.WORKS_OR_ENGINEERING);
    assertThat(SEEDED_RULES.classify("Limpeza com disponibilidade de mão de obra").nature())
        .isEqualTo(ObjectNature.PURCHASES_AND_SERVICES);
    assertThat(SEEDED_RULES.classify("Manutenção preventiva e corretiva de veículos").term())
        .isEqualTo("MANUTENCAO + VEICULOS");
    assertThat(SEEDED_RULES.classify("Aquisição de veículos").nature())
        .isEqualTo(ObjectNature.PURCHASES_AND_SERVICES);
    assertThat(SEEDED_RULES.classify(null).nature()).isEqualTo(ObjectNature.PURCHASES_AND_SERVICES);
  }
}
