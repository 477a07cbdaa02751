package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.CNPJ;
import static org.sentinela.reporting.api.PublishedRunsFixture.CNPJ_2;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_MASKED;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_PUNCTUATED;
import static org.sentinela.reporting.api.PublishedRunsFixture.LARGE_VALUE;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_COUNT;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_RUN;
import static org.sentinela.reporting.api.PublishedRunsFixture.OLD_RUN;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.PublishedRunsFixture.Row;

class AnomalyListTest extends PublishedRunsApiTest {

  @Test
  void pagingWithLimit50WalksEveryRowOnceByScoreThenId() {
    List<Integer> pageSizes = new ArrayList<>();
    List<String> walked = walk("limit=50", pageSizes);

    assertThat(pageSizes).containsExactly(50, 50, 20);
    assertThat(walked)
        .hasSize(LATEST_COUNT)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(ids(FIXTURE.latestInApiOrder(row -> true)));
  }

  @Test
  void defaultLimitIs50AndAFullLastPageHasNoNextCursor() {
    Answer firstPage = api.get("/api/v1/anomalies");
    Answer everything = api.get("/api/v1/anomalies?limit=" + LATEST_COUNT);

    assertThat(firstPage.json().get("items")).hasSize(50);
    assertThat(firstPage.json().get("next_cursor").isTextual()).isTrue();
    assertThat(everything.json().get("items")).hasSize(LATEST_COUNT);
    assertThat(everything.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  void showsOnlyTheLatestPublishedRun() {
    Answer answer = api.get("/api/v1/anomalies?limit=500");

    JsonNode run = answer.json().get("run");
    assertThat(run.get("run_id").asText()).isEqualTo(LATEST_RUN);
    assertThat(run.get("published_at").asText()).isEqualTo("2024-05-02T06:00:00Z");
    List<String> ids = new ArrayList<>();
    answer.json().get("items").forEach(item -> ids.add(item.get("anomaly_id").asText()));
    assertThat(ids).noneMatch(id -> id.startsWith("gone-") || id.startsWith("draft-"));
    JsonNode first = answer.json().get("items").get(0);
    assertThat(first.get("score").asDouble()).isEqualTo(3.5 + 39 * 0.1);
  }

  @Test
  void filtersByUfDetectorAndSeverityAcrossPages() {
    assertThat(walk("limit=7&uf=RJ", new ArrayList<>()))
        .containsExactlyElementsOf(ids(FIXTURE.latestInApiOrder(row -> row.uf().equals("RJ"))));
    assertThat(walk("limit=7&uf=br", new ArrayList<>()))
        .containsExactlyElementsOf(ids(FIXTURE.latestInApiOrder(row -> row.uf().equals("BR"))));
    assertThat(walk("limit=7&detector=SPLIT_CONTRACT", new ArrayList<>()))
        .containsExactlyElementsOf(
            ids(FIXTURE.latestInApiOrder(row -> row.detector().equals("SPLIT_CONTRACT"))));
    assertThat(walk("limit=7&severity=HIGH", new ArrayList<>()))
        .containsExactlyElementsOf(
            ids(FIXTURE.latestInApiOrder(row -> row.severity().equals("HIGH"))));

    Predicate<Row> combined =
        row ->
            row.uf().equals("SP")
                && row.detector().equals("VALUE_OUTLIER")
                && row.severity().equals("MEDIUM");
    List<String> expected = ids(FIXTURE.latestInApiOrder(combined));
    assertThat(expected).hasSizeGreaterThan(3);
    assertThat(walk("limit=3&uf=SP&detector=VALUE_OUTLIER&severity=MEDIUM", new ArrayList<>()))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void anUnknownDetectorIsAnEmptyList() {
    Answer answer = api.get("/api/v1/anomalies?detector=NO_SUCH_DETECTOR");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("items")).isEmpty();
    assertThat(answer.json().get("next_cursor").isNull()).isTrue();
    assertThat(answer.json().get("run").get("run_id").asText()).isEqualTo(LATEST_RUN);
  }

  @Test
  void itemsCarryBuyerSupplierExactMoneyEvidenceAndHistory() {
    Answer answer = api.get("/api/v1/anomalies?limit=500");
    JsonNode carriedOver = item(answer, "an-0001");
    JsonNode fresh = item(answer, "an-0030");

    assertThat(answer.contentType()).startsWith("application/json");
    assertThat(carriedOver.get("detector").asText()).isEqualTo("VALUE_OUTLIER");
    assertThat(carriedOver.get("severity").asText()).isEqualTo("LOW");
    assertThat(carriedOver.get("threshold").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(carriedOver.get("threshold_version").asInt()).isEqualTo(1);
    Row carriedOverRow =
        FIXTURE.latest().stream()
            .filter(r -> r.anomalyId().equals("an-0001"))
            .findFirst()
            .orElseThrow();
    assertThat(carriedOver.get("p_value").doubleValue()).isEqualTo(carriedOverRow.pValue());
    assertThat(carriedOver.get("q_value").doubleValue()).isEqualTo(carriedOverRow.qValue());
    assertThat(carriedOver.get("contract_number").asText()).isEqualTo("00002/2024");
    assertThat(carriedOver.has("natural_key")).isFalse();
    assertThat(carriedOver.get("buyer").get("uf").asText()).isEqualTo("SP");
    assertThat(carriedOver.get("buyer").get("organ_name").asText())
        .isEqualTo("Universidade Federal do Rio de Janeiro");
    assertThat(carriedOver.get("buyer").get("municipality_ibge").asText()).isEqualTo("3550308");
    assertThat(carriedOver.get("supplier").get("id").asText()).isEqualTo(CNPJ);
    assertThat(carriedOver.get("supplier").get("kind").asText()).isEqualTo("CNPJ");
    assertThat(carriedOver.get("modality").asText()).isEqualTo("PREGAO");
    assertThat(carriedOver.get("signature_date").asText()).isEqualTo("2024-03-02");
    assertThat(carriedOver.get("publication_date").asText()).isEqualTo("2024-03-03");
    assertThat(carriedOver.get("initial_value").isTextual()).isTrue();
    assertThat(carriedOver.get("initial_value").asText()).isEqualTo("1234567.8900");
    assertThat(carriedOver.get("final_value").asText()).isEqualTo(LARGE_VALUE);
    assertThat(carriedOver.get("evidence").isObject()).isTrue();
    assertThat(carriedOver.get("evidence").get("segment").get("contracts").asInt()).isEqualTo(412);
    assertThat(carriedOver.get("explanation").asText()).startsWith("Final value is 3.6");
    assertThat(carriedOver.get("first_seen_at").asText()).isEqualTo("2024-05-01T06:00:00Z");
    assertThat(carriedOver.get("last_seen_at").asText()).isEqualTo("2024-05-02T06:00:00Z");
    assertThat(fresh.get("first_seen_at").asText()).isEqualTo("2024-05-02T06:00:00Z");
    assertThat(item(answer, "an-0000").get("publication_date").isNull()).isTrue();
  }

  @Test
  void cpfSuppliersAreMaskedEverywhereInTheListAndCnpjsAreNot() {
    Answer answer = api.get("/api/v1/anomalies?limit=500");

    List<JsonNode> cpfItems = new ArrayList<>();
    answer
        .json()
        .get("items")
        .forEach(
            item -> {
              if (item.get("supplier").get("kind").asText().equals("CPF")) {
                cpfItems.add(item);
              } else {
                assertThat(item.get("supplier").get("id").asText()).isIn(CNPJ, CNPJ_2);
              }
            });
    assertThat(cpfItems).hasSize(12);
    assertThat(cpfItems)
        .allSatisfy(
            item -> assertThat(item.get("supplier").get("id").asText()).isEqualTo(CPF_MASKED));
    assertThat(answer.text()).doesNotContain(CPF).doesNotContain(CPF_PUNCTUATED);
  }

  @Test
  void aCursorFromAnotherRunIsAConflict() {
    String stale =
        new PageCursor(OLD_RUN, AnomalyFilter.NONE.fingerprint(), 4.0, "an-0005").encode();

    Answer answer = api.get("/api/v1/anomalies?cursor=" + stale);

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("latest_run_id").asText()).isEqualTo(LATEST_RUN);
  }

  /** Follows next_cursor from the first page to the last, recording each page's size. */
  private List<String> walk(String query, List<Integer> pageSizes) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Answer page =
          api.get(
              "/api/v1/anomalies?"
                  + query
                  + (cursor == null ? "" : "&cursor=" + ApiClient.encode(cursor)));
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      assertThat(page.json().get("run").get("run_id").asText()).isEqualTo(LATEST_RUN);
      page.json().get("items").forEach(item -> ids.add(item.get("anomaly_id").asText()));
      pageSizes.add(page.json().get("items").size());
      JsonNode next = page.json().get("next_cursor");
      cursor = next.isNull() ? null : next.asText();
      assertThat(pageSizes).as("runaway paging").hasSizeLessThan(100);
    } while (cursor != null);
    return ids;
  }

  private static JsonNode item(Answer answer, String anomalyId) {
    for (JsonNode item : answer.json().get("items")) {
      if (item.get("anomaly_id").asText().equals(anomalyId)) {
        return item;
      }
    }
    throw new AssertionError("no item " + anomalyId + " in " + answer.text());
  }

  private static List<String> ids(List<Row> rows) {
    return rows.stream().map(Row::anomalyId).toList();
  }
}
