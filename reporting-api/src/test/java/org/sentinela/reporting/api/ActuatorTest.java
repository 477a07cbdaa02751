package org.sentinela.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.ApiClient.Answer;

class ActuatorTest extends PublishedRunsApiTest {

  @Test
  void healthIsUpIncludingTheDatabase() {
    Answer answer = api.get("/actuator/health");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("status").asText()).isEqualTo("UP");
    assertThat(answer.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
  }

  @Test
  void prometheusExposesRequestMetricsOfTheApi() {
    api.get("/api/v1/anomalies?limit=1");

    Answer answer = api.get("/actuator/prometheus");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text())
        .contains("http_server_requests_seconds_count")
        .contains("uri=\"/api/v1/anomalies\"")
        .contains("hikaricp_connections");
  }
}
