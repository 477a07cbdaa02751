package org.sentinela.reporting.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.FAILED_RUN;
import static org.sentinela.reporting.api.PublishedRunsFixture.FEBRUARY_FILE;
import static org.sentinela.reporting.api.PublishedRunsFixture.IGNORED_FILE;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_RUN;
import static org.sentinela.reporting.api.PublishedRunsFixture.MARCH_FILE;
import static org.sentinela.reporting.api.PublishedRunsFixture.OLD_RUN;
import static org.sentinela.reporting.api.PublishedRunsFixture.RUNNING_RUN;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;

class RunsApiTest extends PublishedRunsApiTest {

  private static final List<String> NEWEST_FIRST =
      List.of(RUNNING_RUN, LATEST_RUN, OLD_RUN, FAILED_RUN);

  @Test
  void listsEveryRunNewestFirstWhetherPublishedOrNot() {
    Answer answer = api.get("/api/v1/runs");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(runIds(answer)).containsExactlyElementsOf(NEWEST_FIRST);
    assertThat(answer.json().get("next_cursor").isNull()).isTrue();
    JsonNode running = answer.json().get("items").get(0);
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertThat(running.get("published_at").isNull()).isTrue();
    assertThat(running.get("records_read").isNull()).isTrue();
    JsonNode failed = answer.json().get("items").get(3);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("error").asText()).startsWith("analytics failed");
    assertThat(failed.has("input_dir")).as("server paths are not exposed").isFalse();
  }

  @Test
  void pagingWithLimit1WalksEveryRunOnce() {
    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Answer page = api.get("/api/v1/runs?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      walked.addAll(runIds(page));
      JsonNode next = page.json().get("next_cursor");
      cursor = next.isNull() ? null : next.asText();
      assertThat(++pages).as("runaway paging").isLessThan(10);
    } while (cursor != null);

    assertThat(walked).containsExactlyElementsOf(NEWEST_FIRST);
  }

  @Test
  void aRunShowsItsTotalsFilesQuarantineReasonsAndMetrics() {
    Answer answer = api.get("/api/v1/runs/" + LATEST_RUN);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode run = answer.json();
    assertThat(run.get("run_id").asText()).isEqualTo(LATEST_RUN);
    assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.get("published_at").asText()).isEqualTo("2024-05-02T06:00:00Z");
    assertThat(run.get("records_read").asLong()).isEqualTo(1500);
    assertThat(run.get("records_accepted").asLong()).isEqualTo(1445);
    assertThat(run.get("records_quarantined").asLong()).isEqualTo(45);
    assertThat(run.get("records_duplicate").asLong()).isEqualTo(10);
    assertThat(run.get("anomalies").asLong()).isEqualTo(120);
    assertThat(run.get("metrics").isObject()).isTrue();
    assertThat(run.get("metrics").get("analysis").get("detectors").get("SPLIT_CONTRACT").asInt())
        .isEqualTo(30);
    assertThat(run.get("quarantine_reasons").toString())
        .isEqualTo(
            "[{\"reason\":\"INVALID_VALUE\",\"records\":28},{\"reason\":\"INVALID_DATE\",\"records\":15},"
                + "{\"reason\":\"MISSING_UNIT_CODE\",\"records\":2}]");

    JsonNode files = run.get("files");
    assertThat(files).hasSize(3);
    JsonNode march = file(files, MARCH_FILE);
    assertThat(march.get("status").asText()).isEqualTo("INGESTED");
    assertThat(march.get("source").asText()).isEqualTo("PORTAL_COMPRAS");
    assertThat(march.get("file_sha256").asText()).hasSize(64);
    assertThat(march.get("records_read").asLong())
        .isEqualTo(
            march.get("records_accepted").asLong()
                + march.get("records_quarantined").asLong()
                + march.get("records_duplicate").asLong());
    assertThat(march.get("quarantine_reasons").toString())
        .isEqualTo(
            "[{\"reason\":\"INVALID_VALUE\",\"records\":25},{\"reason\":\"INVALID_DATE\",\"records\":15}]");
    assertThat(file(files, FEBRUARY_FILE).get("quarantine_reasons")).hasSize(2);
    JsonNode ignored = file(files, IGNORED_FILE);
    assertThat(ignored.get("status").asText()).isEqualTo("IGNORED");
    assertThat(ignored.get("error").asText()).contains("not a Compras export");
    assertThat(ignored.get("file_sha256").isNull()).isTrue();
    assertThat(ignored.get("quarantine_reasons")).isEmpty();
  }

  @Test
  void aRunWithoutFilesHasEmptyListsAndEmptyMetrics() {
    JsonNode run = api.get("/api/v1/runs/" + FAILED_RUN).json();

    assertThat(run.get("status").asText()).isEqualTo("FAILED");
    assertThat(run.get("files")).isEmpty();
    assertThat(run.get("quarantine_reasons")).isEmpty();
    assertThat(run.get("metrics").isObject()).isTrue();
    assertThat(run.get("metrics")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"no-such-run", "run-2024-05-02' OR '1'='1", "%27%3B%20DROP%20TABLE%20runs"})
  void anUnknownRunIsA404Problem(String id) throws SQLException {
    long before = FIXTURE.anomalyRowCount();

    Answer answer = api.get("/api/v1/runs/" + (id.contains("%") ? id : ApiClient.encode(id)));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("title").asText()).isEqualTo("Run not found");
    assertThat(answer.json().has("run_id")).isTrue();
    assertThat(FIXTURE.anomalyRowCount()).isEqualTo(before);
    assertThat(api.get("/api/v1/runs").json().get("items")).hasSize(4);
  }

  @ParameterizedTest
  @CsvSource({
    "limit, 0",
    "limit, 101",
    "limit, 100000",
    "limit, abc",
    "cursor, garbage",
    "cursor, eyJydW4iOiIiLCJmaWx0ZXJzIjoiIiwiYWZ0ZXIiOlsieWVzdGVyZGF5IiwiciJdfQ",
  })
  void aBadParameterIsA400NamingIt(String parameter, String value) {
    Answer answer = api.get("/api/v1/runs?" + parameter + "=" + ApiClient.encode(value));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(answer.json().get("value").asText()).isEqualTo(value);
  }

  @Test
  void theLargestPageIsAllowed() {
    assertThat(api.get("/api/v1/runs?limit=100").status()).isEqualTo(200);
  }

  private static List<String> runIds(Answer answer) {
    List<String> ids = new ArrayList<>();
    answer.json().get("items").forEach(item -> ids.add(item.get("run_id").asText()));
    return ids;
  }

  private static JsonNode file(JsonNode files, String name) {
    for (JsonNode file : files) {
      if (file.get("file_name").asText().equals(name)) {
        return file;
      }
    }
    throw new AssertionError("no file " + name + " in " + files);
  }
}
