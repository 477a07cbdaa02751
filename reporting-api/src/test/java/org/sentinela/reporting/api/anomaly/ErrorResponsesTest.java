package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_RUN;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;

class ErrorResponsesTest extends PublishedRunsApiTest {

  @ParameterizedTest
  @CsvSource({
    "limit, 0",
    "limit, 501",
    "limit, -1",
    "limit, abc",
    "limit, 99999999999",
    "cursor, garbage",
    "cursor, bm90IGpzb24",
    "uf, XYZ",
    "uf, R1",
    "severity, BAD",
    "detector, value-outlier",
  })
  void aBadParameterIsA400ProblemNamingItAndItsValue(String parameter, String value) {
    Answer answer = api.get("/api/v1/anomalies?" + parameter + "=" + ApiClient.encode(value));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("status").asInt()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(answer.json().get("value").asText()).isEqualTo(value);
    assertThat(answer.json().get("detail").asText()).contains(parameter).contains(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"uf=SP&uf=RJ", "limit=5&limit=6", "cursor=a&cursor=b"})
  void aParameterGivenTwiceIsA400ProblemNamingIt(String query) {
    String parameter = query.substring(0, query.indexOf('='));

    Answer answer = api.get("/api/v1/anomalies?" + query);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(answer.json().get("detail").asText()).contains("must be given once");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/nothing-here", "/api/v2/anomalies", "/", "/api/v1/anomalies/a/b"})
  void anUnknownPathIsA404Problem(String path) {
    Answer answer = api.get(path);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("status").asInt()).isEqualTo(404);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "detector | VALUE_OUTLIER' OR '1'='1",
        "detector | VALUE_OUTLIER; DROP TABLE anomalies; --",
        "uf | RJ' OR 1=1 --",
        "uf | RJ'; DROP TABLE anomalies; --",
        "cursor | ' OR 1=1; DROP TABLE anomalies; --",
      })
  void sqlInjectionInAParameterIsRejected(String parameter, String value) throws SQLException {
    long rowsBefore = FIXTURE.anomalyRowCount();

    Answer answer = api.get("/api/v1/anomalies?" + parameter + "=" + ApiClient.encode(value));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(FIXTURE.anomalyRowCount()).isEqualTo(rowsBefore).isPositive();
  }

  @Test
  void sqlInjectionInsideAWellFormedCursorOrAnIdIsHarmless() throws SQLException {
    long rowsBefore = FIXTURE.anomalyRowCount();
    String cursor =
        new PageCursor(
                LATEST_RUN,
                AnomalyFilter.NONE.fingerprint(),
                1_000.0,
                "x' OR '1'='1'; DROP TABLE anomalies; --")
            .encode();

    Answer page = api.get("/api/v1/anomalies?limit=500&cursor=" + cursor);
    Answer detail = api.get("/api/v1/anomalies/" + ApiClient.encode("an-0001' OR '1'='1"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().get("items")).hasSize(FIXTURE.latestInApiOrder(row -> true).size());
    assertThat(detail.status()).isEqualTo(404);
    assertThat(FIXTURE.anomalyRowCount()).isEqualTo(rowsBefore).isPositive();
  }
}
