package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_RUN;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.paging.KeysetCursor;

/** A NUL byte (which PostgreSQL text cannot hold) anywhere in a request is a 4xx, never a 500. */
class ControlCharactersTest extends PublishedRunsApiTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/anomalies?supplier=EX1%00",
        "/api/v1/anomalies?run=run%00",
        "/api/v1/anomalies?detector=VALUE%00",
        "/api/v1/anomalies/an-0001%00",
        "/api/v1/runs/run-2024-05-02%00",
        "/api/v1/suppliers/EX1%00",
        "/api/v1/buyers/150002%00",
        "/api/v1/baselines?organ=26000%00",
      })
  void inAParameterOrPath(String pathAndQuery) {
    Answer answer = api.get(pathAndQuery);

    assertThat(answer.status()).as(answer.text()).isBetween(400, 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"an-0001\u0000", "an\n0001"})
  void insideAWellFormedCursor(String anomalyId) {
    String cursor =
        new KeysetCursor(LATEST_RUN, AnomalyFilter.NONE.fingerprint(), List.of("5.0", anomalyId))
            .encode();

    Answer answer = api.get("/api/v1/anomalies?cursor=" + cursor);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo("cursor");
  }
}
