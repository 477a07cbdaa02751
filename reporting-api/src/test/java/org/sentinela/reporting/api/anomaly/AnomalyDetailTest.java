package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.CNPJ;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_MASKED;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_PUNCTUATED;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;

class AnomalyDetailTest extends PublishedRunsApiTest {

  @Test
  void aCpfSupplierIsMaskedInTheIdTextAndEvidence() {
    Answer answer = api.get("/api/v1/anomalies/an-0007");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode anomaly = answer.json();
    assertThat(anomaly.get("supplier").get("kind").asText()).isEqualTo("CPF");
    assertThat(anomaly.get("supplier").get("id").asText()).isEqualTo(CPF_MASKED);
    assertThat(anomaly.get("supplier").get("name").asText()).isEqualTo("Maria Exemplo da Silva");
    assertThat(anomaly.get("explanation").asText())
        .endsWith("; supplier " + CPF_MASKED + " (" + CPF_MASKED + ").");
    assertThat(anomaly.get("object_text").asText()).endsWith("por " + CPF_MASKED);
    assertThat(anomaly.get("evidence").get("supplier_id").asText()).isEqualTo(CPF_MASKED);
    assertThat(anomaly.get("evidence").get("supplier_cpf").asText()).isEqualTo(CPF_MASKED);
    assertThat(anomaly.get("evidence").get("segment").get("contracts").asInt()).isEqualTo(412);
    assertThat(answer.text()).doesNotContain(CPF).doesNotContain(CPF_PUNCTUATED);
  }

  @Test
  void aCnpjSupplierIsShownAndTheDetailMatchesTheListItem() {
    Answer detail = api.get("/api/v1/anomalies/an-0042");
    Answer list = api.get("/api/v1/anomalies?limit=500");

    assertThat(detail.json().get("supplier").get("id").asText()).isEqualTo(CNPJ);
    JsonNode listed = null;
    for (JsonNode item : list.json().get("items")) {
      if (item.get("anomaly_id").asText().equals("an-0042")) {
        listed = item;
      }
    }
    assertThat(detail.json()).isEqualTo(listed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-such-anomaly", "gone-0001", "draft-0001"})
  void anAnomalyOutsideTheLatestPublishedRunIsNotFound(String id) {
    Answer answer = api.get("/api/v1/anomalies/" + id);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("status").asInt()).isEqualTo(404);
    assertThat(answer.json().get("detail").asText()).contains(id);
    assertThat(answer.json().get("instance").asText()).isEqualTo("/api/v1/anomalies/" + id);
  }
}
