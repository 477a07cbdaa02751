package org.sentinela.reporting.api.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.PublishedRunsFixture;

/** {@code GET /api/v1/baselines/history}: one segment's baseline in every published run. */
class BaselineHistoryApiTest extends PublishedRunsApiTest {

  private static final Offset<Double> EXACT = Offset.offset(1e-6);

  @Test
  void aSegmentHasOnePointPerPublishedRunOldestFirst() {
    Answer answer =
        api.get(
            "/api/v1/baselines/history?level=uf_modality&segment="
                + ApiClient.encode("uf=RJ|modality=PREGAO"));

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.json().get("level").asText()).isEqualTo("UF_MODALITY");
    assertThat(answer.json().get("segment_key").asText()).isEqualTo("uf=RJ|modality=PREGAO");
    JsonNode items = answer.json().get("items");
    assertThat(items).hasSize(2);
    JsonNode old = items.get(0);
    JsonNode latest = items.get(1);
    assertThat(old.get("run_id").asText()).isEqualTo(PublishedRunsFixture.OLD_RUN);
    assertThat(old.get("published_at").asText()).isEqualTo("2024-05-01T06:00:00Z");
    assertThat(latest.get("run_id").asText()).isEqualTo(PublishedRunsFixture.LATEST_RUN);
    assertThat(old.get("median_value").asDouble()).isCloseTo(Math.exp(12.0), EXACT);
    assertThat(latest.get("median_value").asDouble()).isCloseTo(Math.exp(12.1), EXACT);
    assertThat(latest.get("p25_value").asDouble()).isCloseTo(Math.exp(12.1 - 0.9), EXACT);
    assertThat(latest.get("p75_value").asDouble()).isCloseTo(Math.exp(12.1 + 0.9), EXACT);
    assertThat(latest.get("p01_value").asDouble()).isCloseTo(Math.exp(12.1 - 4.0), EXACT);
    assertThat(latest.get("p99_value").asDouble()).isCloseTo(Math.exp(12.1 + 4.0), EXACT);
    assertThat(latest.get("contracts").asLong()).isEqualTo(412);
  }

  @Test
  void anUnknownSegmentIsA404NamingIt() {
    Answer answer = api.get("/api/v1/baselines/history?level=NATIONAL&segment=nowhere");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("parameter").asText()).isEqualTo("segment");
    assertThat(answer.json().get("segment_key").asText()).isEqualTo("nowhere");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      value = {
        "level=UF%20MODALITY&segment=national # level",
        "level=NATIONAL&segment=national%27%20OR%20%271%27%3D%271 # segment",
        "level=NATIONAL&segment=%00 # segment",
        "level=NATIONAL # segment",
        "segment=national # level",
      })
  void aBadOrMissingParameterIsA400NamingIt(String query, String parameter) {
    Answer answer = api.get("/api/v1/baselines/history?" + query);

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
  }
}
