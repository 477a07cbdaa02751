package org.sentinela.reporting.api.seasonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_RUN;
import static org.sentinela.reporting.api.PublishedRunsFixture.MONTH_WITHOUT_FACTOR;
import static org.sentinela.reporting.api.PublishedRunsFixture.seasonalFactor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;

class SeasonalFactorsApiTest extends PublishedRunsApiTest {

  @Test
  void givesTheTwelveMonthlyFactorsOfTheSegmentInTheLatestRun() {
    Answer answer = api.get("/api/v1/seasonal-factors?level=national&segment=national");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode profile = answer.json();
    assertThat(profile.get("run").get("run_id").asText()).isEqualTo(LATEST_RUN);
    assertThat(profile.get("level").asText()).isEqualTo("NATIONAL");
    assertThat(profile.get("items")).hasSize(12);
    for (JsonNode month : profile.get("items")) {
      double expected = seasonalFactor(month.get("month").asInt(), 0.1);
      assertThat(month.get("factor").asDouble()).isCloseTo(expected, Offset.offset(1e-12));
      assertThat(month.get("multiple").asDouble())
          .isCloseTo(Math.exp(expected), Offset.offset(1e-12));
      assertThat(month.get("anchor_level").asText()).isEqualTo("NATIONAL");
    }
    assertThat(profile.get("items").get(11).get("multiple").asDouble())
        .isCloseTo(Math.exp(0.688), Offset.offset(1e-12));
  }

  @Test
  void aMonthWithoutContractsIsAbsent() {
    Answer answer =
        api.get(
            "/api/v1/seasonal-factors?level=UF_MODALITY&segment="
                + ApiClient.encode("uf=RJ|modality=PREGAO"));

    List<Integer> months = new ArrayList<>();
    answer.json().get("items").forEach(m -> months.add(m.get("month").asInt()));
    assertThat(months).hasSize(11).doesNotContain(MONTH_WITHOUT_FACTOR).isSorted();
  }

  @Test
  void anUnknownSegmentIs404AndABadOneIs400() {
    Answer unknown =
        api.get(
            "/api/v1/seasonal-factors?level=UF_MODALITY&segment="
                + ApiClient.encode("uf=ZZ|modality=PREGAO"));
    Answer injected =
        api.get(
            "/api/v1/seasonal-factors?level=NATIONAL&segment="
                + ApiClient.encode("national' or '1'='1"));
    Answer missing = api.get("/api/v1/seasonal-factors?level=NATIONAL");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("parameter").asText()).isEqualTo("segment");
    assertThat(injected.status()).isEqualTo(400);
    assertThat(injected.json().get("parameter").asText()).isEqualTo("segment");
    assertThat(missing.status()).isEqualTo(400);
  }
}
