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
import org.sentinela.analytics.fixtures.TestContract;

class DuplicateRegistrationDetectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DuplicateRegistrationDetector SEEDED =
      new DuplicateRegistrationDetector(new BigDecimal("2"), 1);

  private static TestContract registration(String number) {
    return TestContract.pregao("RJ", "26000")
        .number(number)
        .supplier("12345678000195")
        .initialValue("12500.00")
        .finalValue("12500.00")
        .objectText("Aquisição de café")
        .signed(LocalDate.of(2022, 3, 10));
  }

  private static List<GroupFinding> evaluate(TestContract... contracts) {
    return SEEDED.evaluate(Stream.of(contracts).map(TestContract::facts).toList());
  }

  @Test
  void aContractReRegisteredUnderAnotherNumberIsFlaggedTwiceNamingTheOther() throws Exception {
    TestContract original = registration("00012/2022");
    TestContract again =
        registration("00013/2022")
            .objectText("Objeto:  AQUISICAO DE CAFÉ.")
            .published(LocalDate.of(2022, 2, 10));

    List<GroupFinding> findings = evaluate(again, original);

    assertThat(findings)
        .extracting(GroupFinding::naturalKey)
        .containsExactly(original.naturalKey(), again.naturalKey());
    Finding finding = findings.get(0).finding();
    assertThat(finding.anomalyId())
        .isEqualTo(AnomalyIds.of("DUPLICATE_REGISTRATION", original.naturalKey()));
    assertThat(finding.score()).isEqualTo(2.0);
    assertThat(finding.pValue()).isEqualTo(1e-6);
    assertThat(finding.explanation())
        .isEqualTo(
            "Registered 2 times: also as contract 00013/2022, with the same unit, supplier,"
                + " signature date 2022-03-10, value R$ 12,500.00 and object text.");
    JsonNode evidence = JSON.readTree(finding.evidenceJson());
    assertThat(evidence.get("detector").asText()).isEqualTo("DUPLICATE_REGISTRATION");
    assertThat(evidence.get("threshold").decimalValue()).isEqualByComparingTo("2");
    assertThat(evidence.get("registrations").asInt()).isEqualTo(2);
    assertThat(evidence.get("other_contract_numbers").get(0).asText()).isEqualTo("00013/2022");
    assertThat(evidence.get("other_registrations").get(0).get("publication_date").asText())
        .isEqualTo("2022-02-10");
    assertThat(findings.get(1).finding().evidenceJson()).contains("\"00012/2022\"");
  }

  @Test
  void aDifferentDateValueOrObjectIsAnotherContract() {
    assertThat(evaluate(registration("1"), registration("2").signed(LocalDate.of(2022, 3, 11))))
        .isEmpty();
    assertThat(evaluate(registration("1"), registration("2").initialValue("12500.01"))).isEmpty();
    assertThat(evaluate(registration("1"), registration("2").objectText("Aquisição de chá")))
        .isEmpty();
  }

  @Test
  void threeRegistrationsAreMoreSevere() {
    List<GroupFinding> findings = evaluate(registration("1"), registration("2"), registration("3"));

    assertThat(findings).hasSize(3);
    assertThat(findings.get(0).finding().pValue()).isCloseTo(1e-9, within(1e-22));
    assertThat(findings.get(0).finding().explanation()).contains("also as contract 2, 3,");
  }

  @Test
  void contractsWithoutAValueOrWithAClassifiedSupplierAreNotCompared() {
    assertThat(
            evaluate(
                registration("1").initialValue("0.00").finalValue("0.00"),
                registration("2").initialValue("0.00").finalValue("0.00")))
        .isEmpty();
    assertThat(
            evaluate(
                registration("1").classifiedSupplier(), registration("2").classifiedSupplier()))
        .isEmpty();
  }
}
