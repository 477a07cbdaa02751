package org.sentinela.reporting.api.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.PublishedRunsApiTest;
import org.sentinela.reporting.api.PublishedRunsFixture;
import org.sentinela.reporting.db.DatabaseSettings;

/**
 * Migration V7's {@code sentinela_viewer}, used through a login as an operator would set it up: it
 * reads the views that mask CPFs or hold none, and no table. Its flags view, {@code
 * current_flags_masked}, masks a person's CPF exactly where the API does.
 */
class ViewerRoleTest extends PublishedRunsApiTest {

  private static final DatabaseLogins LOGINS = new DatabaseLogins();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the viewer reads. */
  private static final List<String> VIEWS =
      List.of(
          "current_flags_masked",
          "flags_by_uf_month_detector",
          "riskiest_buyer_units",
          "riskiest_suppliers",
          "segment_baseline_history",
          "current_baselines",
          "current_detector_thresholds",
          "latest_published_run");

  /** What shows CPFs unmasked, analysts' notes, token hashes or the pipeline's bookkeeping. */
  private static final List<String> DENIED =
      List.of(
          "anomalies",
          "current_anomalies",
          "anomaly_history",
          "feedback",
          "api_tokens",
          "runs",
          "run_files",
          "run_quarantine_reasons",
          "baselines",
          "detector_thresholds",
          "legal_limits",
          "batch_job_instance",
          "flyway_schema_history");

  @AfterAll
  static void dropLogins() {
    LOGINS.dropAll();
  }

  @Test
  void theViewerRoleExistsAndCannotLogIn() throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select rolcanlogin from pg_roles where rolname = 'sentinela_viewer'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isFalse();
    }
  }

  @Test
  void aViewerReadsTheMaskedViewsAndNoTable() throws SQLException {
    DatabaseSettings viewer = LOGINS.loginIn("sentinela_viewer", FIXTURE.db());
    try (Connection c = viewer.connect();
        Statement s = c.createStatement()) {
      for (String view : VIEWS) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + view)) {
          assertThat(rs.next()).as(view).isTrue();
          assertThat(rs.getLong(1)).as(view).isPositive();
        }
      }
      for (String relation : DENIED) {
        assertDenied(s, "select count(*) from " + relation);
      }
      assertDenied(s, "select api_token_analyst(sha256('x'::bytea))");
      assertDenied(s, "select sentinela_grant_privileges()");
    }
  }

  @Test
  void theMaskedFlagsAreTheLatestRunsAndShowNoCpf() throws SQLException {
    DatabaseSettings viewer = LOGINS.loginIn("sentinela_viewer", FIXTURE.db());
    try (Connection c = viewer.connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "select count(*), count(distinct run_id), min(run_id),"
                  + " count(*) filter (where supplier_kind = 'CPF')"
                  + " from current_flags_masked")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(PublishedRunsFixture.LATEST_COUNT);
        assertThat(rs.getLong(2)).isEqualTo(1);
        assertThat(rs.getString(3)).isEqualTo(PublishedRunsFixture.LATEST_RUN);
        assertThat(rs.getLong(4))
            .isEqualTo(
                FIXTURE.latest().stream().filter(r -> r.supplierKind().equals("CPF")).count())
            .isPositive();
      }
      try (ResultSet rs = s.executeQuery("select f::text from current_flags_masked f")) {
        while (rs.next()) {
          assertThat(rs.getString(1))
              .doesNotContain(PublishedRunsFixture.CPF)
              .doesNotContain(PublishedRunsFixture.CPF_PUNCTUATED);
        }
      }
    }
  }

  @Test
  void theMaskedFlagsMaskExactlyWhereTheApiDoes() throws Exception {
    DatabaseSettings viewer = LOGINS.loginIn("sentinela_viewer", FIXTURE.db());
    try (Connection c = viewer.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select anomaly_id, supplier_id, object_text, explanation, evidence::text"
                    + " from current_flags_masked order by anomaly_id")) {
      int compared = 0;
      while (rs.next()) {
        JsonNode api = this.api.get("/api/v1/anomalies/" + rs.getString(1)).json();
        assertThat(rs.getString(2)).isEqualTo(api.get("supplier").get("id").asText());
        assertThat(rs.getString(3)).isEqualTo(api.get("object_text").asText());
        assertThat(rs.getString(4)).isEqualTo(api.get("explanation").asText());
        assertThat(JSON.readTree(rs.getString(5))).isEqualTo(api.get("evidence"));
        compared++;
      }
      assertThat(compared).isEqualTo(PublishedRunsFixture.LATEST_COUNT);
    }
  }

  @Test
  void maskingFunctionsHandleEveryShape() throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select mask_cpf_in_text('de 123.456.789-09 e 12345678909', '12345678909'),"
                    + " mask_cpf_in_text('de 12345678909', '123.456.789-09'),"
                    + " mask_cpf_in_text('sem cpf', '12345678909'),"
                    + " mask_cpf_in_jsonb('{\"a\": [12345678909, \"x 123.456.789-09\", 5,"
                    + " {\"b\": null, \"c\": true}], \"d\": {}, \"e\": []}', '12345678909')::text")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("de ***.456.789-** e ***.456.789-**");
      assertThat(rs.getString(2)).isEqualTo("de ***.456.789-**");
      assertThat(rs.getString(3)).isEqualTo("sem cpf");
      assertThat(JSON.readTree(rs.getString(4)))
          .isEqualTo(
              JSON.readTree(
                  "{\"a\": [\"***.456.789-**\", \"x ***.456.789-**\", 5,"
                      + " {\"b\": null, \"c\": true}], \"d\": {}, \"e\": []}"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertDenied(Statement s, String sql) {
    assertThatThrownBy(() -> s.execute(sql))
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501"));
  }
}
