package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sentinela.reporting.api.PublishedRunsFixture.CNPJ_2;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_MASKED;
import static org.sentinela.reporting.api.PublishedRunsFixture.CPF_PUNCTUATED;
import static org.sentinela.reporting.api.PublishedRunsFixture.LATEST_RUN;
import static org.sentinela.reporting.api.PublishedRunsFixture.OLD_RUN;
import static org.sentinela.reporting.api.PublishedRunsFixture.RUNNING_RUN;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.PublishedRunsFixture;
import org.sentinela.reporting.api.PublishedRunsFixture.Row;

/** The list's municipality, buyer, supplier, min_score, max_q_value, from/to and run parameters. */
class AnomalyFiltersTest extends PublishedRunsApiTest {

  @Test
  void filtersByMunicipalityAcrossPages() {
    assertWalk("municipality=3550308", row -> "3550308".equals(row.municipality()));
  }

  @Test
  void filtersByBuyerUnit() {
    assertWalk("buyer=150002", row -> row.unitCode().equals("150002"));
  }

  @Test
  void filtersBySupplierGivenBareOrPunctuated() {
    assertWalk("supplier=" + CNPJ_2, row -> row.supplierId().equals(CNPJ_2));
    assertWalk(
        "supplier=" + ApiClient.encode("11.444.777/0001-61"),
        row -> row.supplierId().equals(CNPJ_2));
    List<String> people =
        assertWalk("supplier=" + CPF_PUNCTUATED, row -> row.supplierId().equals(CPF));
    assertThat(people).hasSize(12);

    Answer page = api.get("/api/v1/anomalies?limit=500&supplier=" + CPF);
    assertThat(page.text()).contains(CPF_MASKED).doesNotContain(CPF).doesNotContain(CPF_PUNCTUATED);
  }

  @Test
  void filtersByMinimumScoreInclusively() {
    assertWalk("min_score=7.0", row -> row.score() >= 7.0);
    assertWalk("min_score=0", row -> true);
    assertThat(walk("min_score=1000")).isEmpty();
  }

  @Test
  void filtersByMaximumQValue() {
    assertWalk("max_q_value=0.05", row -> row.qValue() <= 0.05);
    assertWalk("max_q_value=0.01&min_score=6", row -> row.qValue() <= 0.01 && row.score() >= 6);
    assertWalk("max_q_value=1", row -> true);
    assertThat(walk("max_q_value=0")).isEmpty();
    assertThat(FIXTURE.latestInApiOrder(row -> row.qValue() <= 0.05))
        .as("the filter splits the fixture")
        .hasSizeBetween(10, PublishedRunsFixture.LATEST_COUNT - 10);
  }

  @Test
  void aRunPublishedBeforeQValuesHasNoneAndMatchesNoQValueFilter() {
    Answer all = api.get("/api/v1/anomalies?limit=500&run=" + OLD_RUN);
    assertThat(all.json().get("items")).hasSize(30);
    all.json()
        .get("items")
        .forEach(
            item -> {
              assertThat(item.get("p_value").isNull()).isTrue();
              assertThat(item.get("q_value").isNull()).isTrue();
            });

    assertThat(walk("run=" + OLD_RUN + "&max_q_value=1")).isEmpty();
  }

  @Test
  void aCursorCarriesTheQValueFilter() {
    String cursor = nextCursor("limit=5&max_q_value=0.05");

    assertThat(api.get("/api/v1/anomalies?limit=5&max_q_value=0.050&cursor=" + cursor).status())
        .isEqualTo(200);
    for (String other : List.of("max_q_value=0.06", "min_score=0")) {
      Answer answer = api.get("/api/v1/anomalies?limit=5&" + other + "&cursor=" + cursor);
      assertThat(answer.status()).as(other).isEqualTo(400);
      assertThat(answer.json().get("parameter").asText()).isEqualTo("cursor");
    }
  }

  @Test
  void filtersBySignatureDateRangeInclusively() {
    LocalDate from = LocalDate.of(2024, 1, 10);
    LocalDate to = LocalDate.of(2024, 2, 20);
    assertWalk(
        "from=2024-01-10&to=2024-02-20",
        row -> !row.signatureDate().isBefore(from) && !row.signatureDate().isAfter(to));
    assertWalk("from=2024-03-01", row -> !row.signatureDate().isBefore(LocalDate.of(2024, 3, 1)));
    assertWalk("to=2023-12-31", row -> row.signatureDate().getYear() == 2023);
    assertWalk(
        "from=2024-03-05&to=2024-03-05",
        row -> row.signatureDate().equals(LocalDate.of(2024, 3, 5)));
  }

  @Test
  void combinesTheNewFiltersWithTheOldOnes() {
    Predicate<Row> combined =
        row ->
            row.uf().equals("RJ")
                && row.detector().equals("VALUE_OUTLIER")
                && row.score() >= 4.0
                && !row.signatureDate().isBefore(LocalDate.of(2023, 12, 1));
    assertThat(FIXTURE.latestInApiOrder(combined)).hasSizeGreaterThan(4);
    assertWalk("uf=rj&detector=value_outlier&min_score=4&from=2023-12-01&to=2024-12-31", combined);
  }

  @Test
  void aNamedPublishedRunIsListedInsteadOfTheLatest() {
    Answer answer = api.get("/api/v1/anomalies?limit=500&run=" + OLD_RUN);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("run").get("run_id").asText()).isEqualTo(OLD_RUN);
    assertThat(answer.json().get("run").get("published_at").asText())
        .isEqualTo("2024-05-01T06:00:00Z");
    assertThat(answer.json().get("items")).hasSize(30);
    assertThat(answer.json().get("items").get(0).get("anomaly_id").asText()).startsWith("gone-");
    assertThat(answer.json().get("items").get(0).get("last_seen_at").asText())
        .isEqualTo("2024-05-01T06:00:00Z");

    List<String> walked = walk("run=" + OLD_RUN + "&limit=7&min_score=55");
    assertThat(walked).hasSize(10).allMatch(id -> id.startsWith("gone-"));
  }

  @Test
  void anUnpublishedOrUnknownRunIsA404NamingTheParameter() {
    for (String run : List.of(RUNNING_RUN, "run-1999-01-01")) {
      Answer answer = api.get("/api/v1/anomalies?run=" + run);

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("parameter").asText()).isEqualTo("run");
      assertThat(answer.json().get("run_id").asText()).isEqualTo(run);
    }
  }

  @Test
  void aCursorIsRejectedWithOtherFiltersButNotWithTheSameFiltersSpelledDifferently() {
    String cursor = nextCursor("limit=5&uf=RJ&min_score=4");

    assertThat(api.get("/api/v1/anomalies?limit=5&uf=rj&min_score=4.0&cursor=" + cursor).status())
        .isEqualTo(200);
    for (String other :
        List.of("uf=RJ", "uf=SP&min_score=4", "uf=RJ&min_score=4.5", "uf=RJ&min_score=4&buyer=1")) {
      Answer answer = api.get("/api/v1/anomalies?limit=5&" + other + "&cursor=" + cursor);

      assertThat(answer.status()).as(other).isEqualTo(400);
      assertThat(answer.json().get("parameter").asText()).isEqualTo("cursor");
      assertThat(answer.json().get("detail").asText()).contains("different filters");
    }
  }

  @Test
  void aCursorOfANamedRunWorksOnlyWithThatRun() {
    String oldCursor = nextCursor("limit=5&run=" + OLD_RUN);
    String latestCursor = nextCursor("limit=5");

    assertThat(
            api.get("/api/v1/anomalies?limit=5&run=" + OLD_RUN + "&cursor=" + oldCursor).status())
        .isEqualTo(200);
    assertThat(
            api.get("/api/v1/anomalies?limit=5&run=" + LATEST_RUN + "&cursor=" + latestCursor)
                .status())
        .isEqualTo(200);
    Answer wrongRun =
        api.get("/api/v1/anomalies?limit=5&run=" + OLD_RUN + "&cursor=" + latestCursor);
    assertThat(wrongRun.status()).isEqualTo(400);
    assertThat(wrongRun.json().get("parameter").asText()).isEqualTo("cursor");
    assertThat(api.get("/api/v1/anomalies?limit=5&cursor=" + oldCursor).status())
        .as("an older run's cursor without run= is stale")
        .isEqualTo(409);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "municipality | 330455",
        "municipality | 33045570",
        "municipality | Rio",
        "municipality | 3304557' OR '1'='1",
        "buyer | UG-1",
        "buyer | 1234567890123",
        "buyer | 150002; DROP TABLE anomalies; --",
        "supplier | 123",
        "supplier | 1122233300018",
        "supplier | Construtora Exemplo",
        "supplier | 11222333000181' OR '1'='1",
        "min_score | -1",
        "min_score | abc",
        "min_score | NaN",
        "min_score | Infinity",
        "min_score | 1e400",
        "min_score | 0x10",
        "max_q_value | -0.1",
        "max_q_value | 1.5",
        "max_q_value | 2",
        "max_q_value | abc",
        "max_q_value | 1e-3",
        "max_q_value | NaN",
        "max_q_value | .05",
        "max_q_value | 0.05' OR '1'='1",
        "from | 2024-13-01",
        "from | 2024-02-30",
        "from | 01/03/2024",
        "from | 2024-3-1",
        "from | 0001-01-01",
        "to | +99999-01-01",
        "to | 2024-03-01T00:00",
        "run | run 2024",
        "run | run-2024-05-02' OR '1'='1",
      })
  void aBadNewFilterIsA400NamingItAndItsValue(String parameter, String value) throws SQLException {
    long before = FIXTURE.anomalyRowCount();

    Answer answer = api.get("/api/v1/anomalies?" + parameter + "=" + ApiClient.encode(value));

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(answer.json().get("value").asText()).isEqualTo(value);
    assertThat(answer.json().get("detail").asText()).contains(parameter);
    assertThat(FIXTURE.anomalyRowCount()).isEqualTo(before).isPositive();
  }

  @Test
  void fromMustNotBeAfterTo() {
    Answer answer = api.get("/api/v1/anomalies?from=2024-03-02&to=2024-03-01");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo("from");
    assertThat(answer.json().get("detail").asText()).contains("2024-03-01");
  }

  @Test
  void theDateRangeIsAtMostFiveYears() {
    assertThat(api.get("/api/v1/anomalies?from=2019-03-01&to=2024-03-01").status()).isEqualTo(200);

    Answer answer = api.get("/api/v1/anomalies?from=2019-03-01&to=2024-03-02");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo("to");
    assertThat(answer.json().get("detail").asText()).contains("5 years");
  }

  /** Walks the list with {@code query} and checks it gives exactly the fixture's matching rows. */
  private List<String> assertWalk(String query, Predicate<Row> expected) {
    List<String> want = FIXTURE.latestInApiOrder(expected).stream().map(Row::anomalyId).toList();
    assertThat(want).as("fixture rows for " + query).isNotEmpty();
    List<String> walked = walk(query + "&limit=4");
    assertThat(walked).as(query).containsExactlyElementsOf(want);
    return walked;
  }

  private List<String> walk(String query) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Answer page =
          api.get("/api/v1/anomalies?" + query + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      page.json().get("items").forEach(item -> ids.add(item.get("anomaly_id").asText()));
      JsonNode next = page.json().get("next_cursor");
      cursor = next.isNull() ? null : next.asText();
      assertThat(++pages).as("runaway paging").isLessThan(100);
    } while (cursor != null);
    return ids;
  }

  private String nextCursor(String query) {
    Answer answer = api.get("/api/v1/anomalies?" + query);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().get("next_cursor").asText();
  }
}
