package org.sentinela.reporting.api.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.BASELINES_PER_RUN;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_RUN;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.paging.KeysetCursor;

class BaselinesApiTest extends PublishedRunsApiTest {

  @Test
  void listsTheLatestPublishedRunsBaselinesByLevelThenKey() {
    Answer answer = api.get("/api/v1/baselines");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("run").get("run_id").asText()).isEqualTo(LATEST_RUN);
    JsonNode items = answer.json().get("items");
    assertThat(items).hasSize(BASELINES_PER_RUN);
    assertThat(answer.json().get("next_cursor").isNull()).isTrue();
    List<String> keys = new ArrayList<>();
    items.forEach(b -> keys.add(b.get("level").asText() + " " + b.get("segment_key").asText()));
    assertThat(keys).isSorted().startsWith("MACRO_MODALITY macro=NE|modality=DISPENSA");
    JsonNode national = baseline(items, "national");
    assertThat(national.get("median_log_value").asDouble()).isCloseTo(11.6, within());
    assertThat(national.get("median_value").asDouble()).isCloseTo(Math.exp(11.6), within());
    assertThat(national.get("contracts").asLong()).isEqualTo(250_000);
    assertThat(national.get("buyer_uf").isNull()).isTrue();
    assertThat(national.get("p99_log_value").asDouble()).isCloseTo(15.6, within());
  }

  @Test
  void filtersByLevelUfModalityAndOrganCaseInsensitively() {
    assertThat(keys("level=uf_modality")).hasSize(10);
    assertThat(keys("uf=rj"))
        .containsExactly(
            "uf=RJ|modality=DISPENSA",
            "uf=RJ|modality=PREGAO",
            "uf=RJ|modality=PREGAO|organ=26000");
    assertThat(keys("level=UF_MODALITY&uf=SP&modality=pregao"))
        .containsExactly("uf=SP|modality=PREGAO");
    assertThat(keys("organ=26000")).hasSize(5).allMatch(key -> key.endsWith("|organ=26000"));
    assertThat(keys("modality=DISPENSA")).hasSize(1 + 2 + 5);
    assertThat(keys("modality=LEILAO")).isEmpty();
  }

  @Test
  void pagingWalksEveryBaselineOnceAndTheCursorIsBoundToItsFilters() {
    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Answer page =
          api.get(
              "/api/v1/baselines?limit=5&modality=PREGAO"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      page.json().get("items").forEach(b -> walked.add(b.get("segment_key").asText()));
      JsonNode next = page.json().get("next_cursor");
      cursor = next.isNull() ? null : next.asText();
      assertThat(++pages).as("runaway paging").isLessThan(20);
    } while (cursor != null);
    assertThat(walked).hasSize(1 + 2 + 5 + 5).doesNotHaveDuplicates();

    String first =
        api.get("/api/v1/baselines?limit=5&modality=PREGAO").json().get("next_cursor").asText();
    assertThat(api.get("/api/v1/baselines?limit=5&modality=pregao&cursor=" + first).status())
        .isEqualTo(200);
    Answer otherFilters = api.get("/api/v1/baselines?limit=5&modality=DISPENSA&cursor=" + first);
    assertThat(otherFilters.status()).isEqualTo(400);
    assertThat(otherFilters.json().get("parameter").asText()).isEqualTo("cursor");
    assertThat(otherFilters.json().get("detail").asText()).contains("different filters");
  }

  @Test
  void aCursorFromAnOlderRunIsAConflict() {
    String stale =
        new KeysetCursor(
                "run-2024-05-01",
                BaselineFilter.of(null, null, null, null).fingerprint(),
                List.of("NATIONAL", "national"))
            .encode();

    Answer answer = api.get("/api/v1/baselines?cursor=" + stale);

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().get("latest_run_id").asText()).isEqualTo(LATEST_RUN);
  }

  @Test
  void sqlInsideAWellFormedCursorIsOnlyData() throws SQLException {
    long before = FIXTURE.anomalyRowCount();
    String cursor =
        new KeysetCursor(
                LATEST_RUN,
                BaselineFilter.of(null, null, null, null).fingerprint(),
                List.of("NATIONAL' OR '1'='1", "x'); DROP TABLE baselines; --"))
            .encode();

    Answer answer = api.get("/api/v1/baselines?cursor=" + cursor);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("items")).hasSize(10 + 5);
    assertThat(FIXTURE.anomalyRowCount()).isEqualTo(before);
    assertThat(api.get("/api/v1/baselines").json().get("items")).hasSize(BASELINES_PER_RUN);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "limit | 0",
        "limit | 501",
        "limit | 1e3",
        "level | SEGMENT",
        "level | UF_MODALITY' OR '1'='1",
        "uf | XYZ",
        "uf | R'",
        "modality | PREGÃO",
        "modality | PREGAO; DROP TABLE baselines; --",
        "organ | 26000a",
        "organ | 12345678901",
        "organ | ' OR 1=1 --",
        "cursor | not-a-cursor",
      })
  void aBadFilterIsA400NamingIt(String parameter, String value) throws SQLException {
    long before = FIXTURE.anomalyRowCount();

    Answer answer = api.get("/api/v1/baselines?" + parameter + "=" + ApiClient.encode(value));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(answer.json().get("value").asText()).isEqualTo(value);
    assertThat(FIXTURE.anomalyRowCount()).isEqualTo(before);
  }

  @Test
  void aBadLevelListsTheLevels() {
    Answer answer = api.get("/api/v1/baselines?level=CITY");

    assertThat(answer.json().get("detail").asText())
        .contains("UF_MODALITY_ORGAN, UF_MODALITY, MACRO_MODALITY, MODALITY, NATIONAL");
  }

  private List<String> keys(String query) {
    Answer answer = api.get("/api/v1/baselines?" + query);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    answer.json().get("items").forEach(b -> keys.add(b.get("segment_key").asText()));
    return keys;
  }

  private static JsonNode baseline(JsonNode items, String key) {
    for (JsonNode item : items) {
      if (item.get("segment_key").asText().equals(key)) {
        return item;
      }
    }
    throw new AssertionError("no baseline " + key);
  }

  private static Offset<Double> within() {
    return Offset.offset(1e-6);
  }
}
