package org.sentinela.reporting.api.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.CNPJ_2;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_MASKED;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_PUNCTUATED;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_RUN;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.PublishedRunsFixture.Row;

class ProfilesApiTest extends PublishedRunsApiTest {

  @Test
  void aCompanysProfileSumsItsFlagsOfTheLatestRun() {
    Answer answer = api.get("/api/v1/suppliers/" + CNPJ_2);

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonNode profile = answer.json();
    assertThat(profile.get("run").get("run_id").asText()).isEqualTo(LATEST_RUN);
    assertThat(profile.get("supplier").get("id").asText()).isEqualTo(CNPJ_2);
    assertThat(profile.get("supplier").get("kind").asText()).isEqualTo("CNPJ");
    assertThat(profile.get("supplier").get("name").asText()).isEqualTo("Papelaria Modelo SA");
    assertTotalsMatch(profile, row -> row.supplierId().equals(CNPJ_2));
    assertThat(profile.get("buyer_units").asLong())
        .isEqualTo(
            rows(row -> row.supplierId().equals(CNPJ_2)).stream()
                .map(Row::unitCode)
                .distinct()
                .count());
  }

  @ParameterizedTest
  @ValueSource(strings = {CPF, CPF_PUNCTUATED})
  void aPersonCanBeLookedUpByCpfButIsOnlyEverShownMasked(String cpf) {
    Answer answer = api.get("/api/v1/suppliers/" + cpf);

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonNode profile = answer.json();
    assertThat(profile.get("supplier").get("id").asText()).isEqualTo(CPF_MASKED);
    assertThat(profile.get("supplier").get("kind").asText()).isEqualTo("CPF");
    assertTotalsMatch(profile, row -> row.supplierId().equals(CPF));
    assertThat(profile.get("top_flags"))
        .allSatisfy(
            flag -> assertThat(flag.get("supplier").get("id").asText()).isEqualTo(CPF_MASKED));
    assertThat(answer.text()).doesNotContain(CPF).doesNotContain(CPF_PUNCTUATED);
  }

  @Test
  void anUnknownCpfIsA404ThatDoesNotEchoTheCpf() {
    String unknownCpf = "98765432100";

    Answer answer = api.get("/api/v1/suppliers/" + unknownCpf);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("supplier_id").asText()).isEqualTo("***.654.321-**");
    assertThat(answer.json().get("instance").asText())
        .isEqualTo("/api/v1/suppliers/***.654.321-**");
    assertThat(answer.text()).doesNotContain(unknownCpf);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99888777000166", "-11", "EX1134806"})
  void aWellFormedSupplierWithoutFlagsIsA404(String id) {
    Answer answer = api.get("/api/v1/suppliers/" + id);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("title").asText()).isEqualTo("Supplier not found");
    assertThat(answer.json().get("detail").asText()).contains(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "123",
        "1234567890",
        "123456789012",
        "1122233300018",
        "112223330001812",
        "acme",
        "11222333000181' OR '1'='1",
        "1; DROP TABLE anomalies; --",
      })
  void aSupplierIdThatIsNeitherCpfCnpjNorASpecialCodeIsA400(String id) throws SQLException {
    long before = FIXTURE.anomalyRowCount();

    Answer answer = api.get("/api/v1/suppliers/" + ApiClient.encode(id).replace("+", "%20"));

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("parameter").asText()).isEqualTo("id");
    assertThat(answer.json().get("detail").asText()).contains("CNPJ (14 digits)");
    assertThat(FIXTURE.anomalyRowCount()).isEqualTo(before);
  }

  @Test
  void aBuyersProfileCountsAContractFlaggedTwiceOnce() {
    String unit = "150002";
    Predicate<Row> ofUnit = row -> row.unitCode().equals(unit);
    assertThat(rows(ofUnit).stream().map(Row::contract).distinct().count())
        .as("the fixture flags one of this unit's contracts twice")
        .isLessThan(rows(ofUnit).size());

    Answer answer = api.get("/api/v1/buyers/" + unit);

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonNode profile = answer.json();
    assertThat(profile.get("buyer").get("unit_code").asText()).isEqualTo(unit);
    assertThat(profile.get("buyer").get("unit_name").asText())
        .isEqualTo("Pró-Reitoria de Planejamento");
    assertThat(profile.get("buyer").get("organ_name").asText())
        .isEqualTo("Universidade Federal do Rio de Janeiro");
    assertThat(profile.get("buyer").get("superior_organ_code").asText()).isEqualTo("26000");
    assertThat(profile.get("suppliers").asLong())
        .isEqualTo(rows(ofUnit).stream().map(Row::supplierId).distinct().count());
    assertTotalsMatch(profile, ofUnit);
  }

  @Test
  void aBuyerWithACpfSupplierShowsItMasked() {
    Answer answer = api.get("/api/v1/buyers/150007");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text())
        .contains(CPF_MASKED)
        .doesNotContain(CPF)
        .doesNotContain(CPF_PUNCTUATED);
  }

  @Test
  void anUnknownBuyerIsA404() {
    Answer answer = api.get("/api/v1/buyers/999999");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("title").asText()).isEqualTo("Buyer not found");
    assertThat(answer.json().get("unit_code").asText()).isEqualTo("999999");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "15000a", "1234567890123", "150002' OR '1'='1", "-1"})
  void aBuyerCodeThatIsNotDigitsIsA400(String code) {
    Answer answer = api.get("/api/v1/buyers/" + ApiClient.encode(code).replace("+", "%20"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo("code");
    assertThat(answer.json().get("value").asText()).isEqualTo(code);
  }

  /** Checks totals, by-detector counts and the top flags against the fixture's rows. */
  private void assertTotalsMatch(JsonNode profile, Predicate<Row> filter) {
    List<Row> rows = rows(filter);
    assertThat(rows).isNotEmpty();
    JsonNode totals = profile.get("totals");
    assertThat(totals.get("flags").asLong()).isEqualTo(rows.size());
    assertThat(totals.get("low").asLong()).isEqualTo(count(rows, "LOW"));
    assertThat(totals.get("medium").asLong()).isEqualTo(count(rows, "MEDIUM"));
    assertThat(totals.get("high").asLong()).isEqualTo(count(rows, "HIGH"));
    assertThat(totals.get("max_score").asDouble())
        .isEqualTo(rows.stream().mapToDouble(Row::score).max().orElseThrow());
    assertThat(totals.get("score_sum").asDouble())
        .isCloseTo(
            rows.stream().mapToDouble(Row::score).sum(), org.assertj.core.data.Offset.offset(1e-9));
    Map<Integer, BigDecimal> contracts =
        rows.stream()
            .collect(Collectors.toMap(Row::contract, Row::finalValue, (a, b) -> a, TreeMap::new));
    assertThat(totals.get("flagged_contracts").asLong()).isEqualTo(contracts.size());
    assertThat(new BigDecimal(totals.get("flagged_value").asText()))
        .isEqualByComparingTo(contracts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(totals.get("flagged_value").isTextual()).isTrue();

    Map<String, Long> byDetector =
        rows.stream().collect(Collectors.groupingBy(Row::detector, Collectors.counting()));
    Map<String, Long> shown = new TreeMap<>();
    profile
        .get("by_detector")
        .forEach(
            d -> {
              shown.put(d.get("detector").asText(), d.get("flags").asLong());
              assertThat(d.get("low").asLong() + d.get("medium").asLong() + d.get("high").asLong())
                  .isEqualTo(d.get("flags").asLong());
            });
    assertThat(shown).isEqualTo(new TreeMap<>(byDetector));

    List<String> top = new ArrayList<>();
    profile.get("top_flags").forEach(flag -> top.add(flag.get("anomaly_id").asText()));
    assertThat(top)
        .containsExactlyElementsOf(
            FIXTURE.latestInApiOrder(filter).stream().limit(10).map(Row::anomalyId).toList());
    JsonNode first = profile.get("top_flags").get(0);
    assertThat(first.get("final_value").isTextual()).isTrue();
    assertThat(first.get("buyer").get("unit_code").isTextual()).isTrue();
    assertThat(first.get("signature_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  private static List<Row> rows(Predicate<Row> filter) {
    return FIXTURE.latest().stream().filter(filter).toList();
  }

  private static long count(List<Row> rows, String severity) {
    return rows.stream().filter(row -> row.severity().equals(severity)).count();
  }
}
