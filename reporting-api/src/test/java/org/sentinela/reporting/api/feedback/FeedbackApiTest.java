package org.sentinela.reporting.api.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.api.PublishedRunsFixture;
import org.sentinela.reporting.api.schema.DatabaseLogins;
import org.sentinela.reporting.db.ApiTokens;
import org.sentinela.reporting.db.DatabaseSettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /api/v1/anomalies/{id}/feedback} on a random port, with the API logged in as an
 * operator would set it up on an external server: a login in {@code sentinela_reader} and {@code
 * sentinela_feedback_writer}, not a superuser. Tokens are made as {@code sentinela token create}
 * makes them; every test has analysts of its own, and checks the {@code feedback} table itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedbackApiTest {

  private static final PublishedRunsFixture FIXTURE = PublishedRunsFixture.shared();
  private static final DatabaseLogins LOGINS = new DatabaseLogins();
  private static final DatabaseSettings API_LOGIN =
      LOGINS.loginIn("sentinela_reader, sentinela_feedback_writer", FIXTURE.db());

  /** A flag of the latest published run. */
  private static final String FLAG = PublishedRunsFixture.anomalyId(5);

  /** A flag of the latest run whose supplier is a person (CPF). */
  private static final String CPF_FLAG = PublishedRunsFixture.anomalyId(7);

  @LocalServerPort private int port;

  private ApiClient api;
  private String analyst;
  private String token;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", API_LOGIN::url);
    registry.add("spring.datasource.username", API_LOGIN::user);
    registry.add("spring.datasource.password", API_LOGIN::password);
  }

  @AfterAll
  static void dropLogins() {
    LOGINS.dropAll();
  }

  @BeforeEach
  void analystWithToken() throws SQLException {
    api = new ApiClient(port);
    analyst = newAnalyst();
    token = ApiTokens.create(FIXTURE.db(), analyst).token();
  }

  @Test
  void aFirstVerdictIsCreatedWithTheTokensAnalyst() throws SQLException {
    Answer answer = post(FLAG, token, "{\"verdict\": \"confirmed\", \"note\": \"Sobrepreço\"}");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonNode body = answer.json();
    assertThat(body.get("anomaly_id").asText()).isEqualTo(FLAG);
    assertThat(body.get("analyst").asText()).isEqualTo(analyst);
    assertThat(body.get("verdict").asText()).isEqualTo("CONFIRMED");
    assertThat(body.get("note").asText()).isEqualTo("Sobrepreço");
    assertThat(body.get("created_at").asText()).isEqualTo(body.get("updated_at").asText());

    List<Stored> rows = stored(analyst);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).anomalyId()).isEqualTo(FLAG);
    assertThat(rows.get(0).verdict()).isEqualTo("CONFIRMED");
    assertThat(rows.get(0).note()).isEqualTo("Sobrepreço");
  }

  @Test
  void theSameVerdictAgainChangesNothingAndAnotherUpdatesIt() throws SQLException {
    String body = "{\"verdict\": \"dismissed\", \"note\": \"Preço de mercado\"}";
    Answer first = post(FLAG, token, body);
    Answer again = post(FLAG, token, body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    Stored unchanged = stored(analyst).get(0);
    assertThat(unchanged.updatedAt()).isEqualTo(unchanged.createdAt());

    Answer changed = post(FLAG, token, "{\"verdict\": \"EXPECTED\"}");

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("verdict").asText()).isEqualTo("EXPECTED");
    assertThat(changed.json().get("note").isNull()).as("the body replaces the note").isTrue();
    assertThat(changed.json().get("created_at")).isEqualTo(first.json().get("created_at"));
    List<Stored> rows = stored(analyst);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).verdict()).isEqualTo("EXPECTED");
    assertThat(rows.get(0).note()).isNull();
    assertThat(rows.get(0).updatedAt()).isAfter(rows.get(0).createdAt());
  }

  @Test
  void verdictsOfTwoAnalystsOnOneFlagAreKeptApart() throws SQLException {
    String other = newAnalyst();
    String otherToken = ApiTokens.create(FIXTURE.db(), other).token();

    assertThat(post(CPF_FLAG, token, "{\"verdict\": \"confirmed\"}").status()).isEqualTo(201);
    assertThat(post(CPF_FLAG, otherToken, "{\"verdict\": \"dismissed\"}").status()).isEqualTo(201);

    assertThat(stored(analyst)).extracting(Stored::verdict).containsExactly("CONFIRMED");
    assertThat(stored(other)).extracting(Stored::verdict).containsExactly("DISMISSED");
  }

  @Test
  void aMissingTokenIsA401WithABearerChallenge() throws SQLException {
    Answer answer = api.post(feedbackPath(FLAG), "{\"verdict\": \"confirmed\"}");

    assertUnauthorized(answer);
    assertThat(answer.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"sentinela\"");
    assertThat(stored(analyst)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Basic YW5hOnNlbmhh",
        "Bearer",
        "Bearer not-a-token",
        "Bearer sntl_tooshort",
        "Token sntl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void aMalformedAuthorizationHeaderIsA401(String header) throws SQLException {
    Answer answer =
        api.post(feedbackPath(FLAG), "{\"verdict\": \"confirmed\"}", "Authorization", header);

    assertUnauthorized(answer);
    assertThat(answer.text()).doesNotContain("sntl_");
    assertThat(stored(analyst)).isEmpty();
  }

  @Test
  void aWellFormedTokenThatWasNeverIssuedIsA401() throws SQLException {
    String forged = ApiTokens.PREFIX + "A".repeat(43);

    Answer answer = post(FLAG, forged, "{\"verdict\": \"confirmed\"}");

    assertUnauthorized(answer);
    assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"");
    assertThat(answer.text()).doesNotContain(forged);
  }

  @Test
  void aRevokedTokenIsA401AndWritesNothing() throws SQLException {
    ApiTokens.Created created = ApiTokens.create(FIXTURE.db(), analyst);
    assertThat(post(FLAG, created.token(), "{\"verdict\": \"confirmed\"}").status()).isEqualTo(201);

    assertThat(ApiTokens.revoke(FIXTURE.db(), created.id())).isPresent();
    Answer answer = post(FLAG, created.token(), "{\"verdict\": \"dismissed\"}");

    assertUnauthorized(answer);
    assertThat(stored(analyst)).extracting(Stored::verdict).containsExactly("CONFIRMED");
    assertThat(post(FLAG, token, "{\"verdict\": \"dismissed\"}").status())
        .as("the analyst's other token still works")
        .isEqualTo(200);
  }

  @Test
  void theTokenIsCheckedBeforeTheBody() {
    Answer answer = api.post(feedbackPath(FLAG), "{\"verdict\": \"maybe\"}");

    assertUnauthorized(answer);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"verdict\": \"maybe\"}|verdict",
        "{\"verdict\": \"\"}|verdict",
        "{\"verdict\": 1}|verdict",
        "{\"verdict\": null}|verdict",
        "{\"note\": \"sem veredito\"}|verdict",
        "{\"verdict\": \"confirmed\", \"note\": 42}|note",
        "{\"verdict\": \"confirmed\", \"note\": \"nul \\u0000 byte\"}|note",
        "{\"verdict\": \"confirmed\", \"analyst\": 7}|analyst",
        "{\"verdict\": \"confirmed\", \"verdit\": \"dismissed\"}|verdit",
      })
  void aBadFieldIsA400NamingIt(String bodyAndField) throws SQLException {
    String[] parts = bodyAndField.split("\\|");

    Answer answer = post(FLAG, token, parts[0]);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("field").asText()).isEqualTo(parts[1]);
    assertThat(answer.json().get("detail").asText()).contains("'" + parts[1] + "'");
    assertThat(stored(analyst)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "verdict=confirmed", "[\"confirmed\"]", "\"confirmed\"", "{\"verdict\":"})
  void aBodyThatIsNotAJsonObjectIsA400(String body) {
    Answer answer = post(FLAG, token, body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("title").asText()).isEqualTo("Invalid request body");
    assertThat(answer.json().has("field")).isFalse();
  }

  @Test
  void aDuplicateFieldIsA400() {
    Answer answer = post(FLAG, token, "{\"verdict\": \"confirmed\", \"verdict\": \"dismissed\"}");

    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void aNoteOfTheLongestLengthIsKeptAndALongerOneIsA400() throws SQLException {
    String longest = "é".repeat(FeedbackRequest.MAX_NOTE_LENGTH - 1) + "😀";

    Answer tooLong =
        post(FLAG, token, "{\"verdict\": \"confirmed\", \"note\": \"" + longest + "x\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("field").asText()).isEqualTo("note");
    assertThat(tooLong.json().get("value").asText()).hasSizeLessThan(110);
    assertThat(stored(analyst)).isEmpty();

    Answer kept = post(FLAG, token, "{\"verdict\": \"confirmed\", \"note\": \"" + longest + "\"}");
    assertThat(kept.status()).isEqualTo(201);
    assertThat(stored(analyst).get(0).note()).isEqualTo(longest);
  }

  @Test
  void aBodyOverTheLimitIsA413() throws SQLException {
    String body =
        "{\"verdict\": \"confirmed\", \"note\": \""
            + "x".repeat(FeedbackController.MAX_BODY_BYTES)
            + "\"}";

    Answer answer = post(FLAG, token, body);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(stored(analyst)).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonByContentTypeIsA415() {
    Answer answer =
        api.post(
            feedbackPath(FLAG),
            "{\"verdict\": \"confirmed\"}",
            "Authorization",
            "Bearer " + token,
            "Content-Type",
            "text/plain");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anotherAnalystInTheBodyIsA403AndTheTokensOwnIsFine() throws SQLException {
    Answer forbidden =
        post(FLAG, token, "{\"verdict\": \"confirmed\", \"analyst\": \"someone-else\"}");

    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.contentType()).startsWith("application/problem+json");
    assertThat(forbidden.json().get("field").asText()).isEqualTo("analyst");
    assertThat(forbidden.json().get("detail").asText()).contains(analyst);
    assertThat(stored(analyst)).isEmpty();
    assertThat(stored("someone-else")).isEmpty();

    Answer own =
        post(FLAG, token, "{\"verdict\": \"confirmed\", \"analyst\": \"" + analyst + "\"}");
    assertThat(own.status()).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"an-9999", "gone-0001", "draft-0001"})
  void aFlagThatIsNotInTheLatestPublishedRunIsA404(String id) throws SQLException {
    Answer answer = post(id, token, "{\"verdict\": \"confirmed\"}");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("anomaly_id").asText()).isEqualTo(id);
    assertThat(stored(analyst)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "an-0005' or '1'='1",
        "an-0005'; delete from feedback; --",
        "an-0005\") or (\"1\"=\"1",
        "an-0005 union select 1"
      })
  void anInjectionAttemptInTheIdIsA400AndTouchesNothing(String id) throws SQLException {
    long before = feedbackRows();

    Answer answer =
        post(ApiClient.encode(id).replace("+", "%20"), token, "{\"verdict\": \"confirmed\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo("id");
    assertThat(feedbackRows()).isEqualTo(before);
  }

  @Test
  void anInjectionAttemptInTheNoteIsStoredAsText() throws SQLException {
    String note = "x'); delete from feedback; --";
    long before = feedbackRows();

    Answer answer = post(FLAG, token, "{\"verdict\": \"confirmed\", \"note\": \"" + note + "\"}");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(feedbackRows()).isEqualTo(before + 1);
    assertThat(stored(analyst).get(0).note()).isEqualTo(note);
  }

  @Test
  void readingTheFeedbackPathIsA405() {
    Answer answer = api.get(feedbackPath(FLAG));

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  private Answer post(String id, String bearer, String body) {
    return api.post(feedbackPath(id), body, "Authorization", "Bearer " + bearer);
  }

  private static String feedbackPath(String id) {
    return "/api/v1/anomalies/" + id + "/feedback";
  }

  private static void assertUnauthorized(Answer answer) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("title").asText()).isEqualTo("Unauthorized");
    assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"sentinela\"");
  }

  private static String newAnalyst() {
    return "analyst-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
  }

  /** A row of {@code feedback}, as stored. */
  private record Stored(
      String anomalyId, String verdict, String note, Timestamp createdAt, Timestamp updatedAt) {}

  private static List<Stored> stored(String analyst) throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        PreparedStatement s =
            c.prepareStatement(
                "select anomaly_id, verdict, note, created_at, updated_at from feedback"
                    + " where analyst = ? order by anomaly_id")) {
      s.setString(1, analyst);
      try (ResultSet rs = s.executeQuery()) {
        List<Stored> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(
              new Stored(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getTimestamp(4),
                  rs.getTimestamp(5)));
        }
        return rows;
      }
    }
  }

  private static long feedbackRows() throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        PreparedStatement s = c.prepareStatement("select count(*) from feedback");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
