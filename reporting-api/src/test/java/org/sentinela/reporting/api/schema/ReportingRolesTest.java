package org.sentinela.reporting.api.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.reporting.api.PublishedRunsFixture;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.ReportingSchema;
import org.sentinela.reporting.db.testing.TestPostgres;

/**
 * The group roles of migration V5, used through login roles as an operator would set them up:
 * readers read, the feedback writer writes feedback only, the pipeline writes everything, and the
 * migration also works for a database owner that is not a superuser.
 */
class ReportingRolesTest {

  private static final PublishedRunsFixture FIXTURE = PublishedRunsFixture.shared();
  private static final DatabaseLogins LOGINS = new DatabaseLogins();

  /** Relations the API and the analysts read. */
  private static final List<String> READABLE =
      List.of(
          "flags_by_uf_month_detector",
          "riskiest_buyer_units",
          "riskiest_suppliers",
          "segment_baseline_history",
          "latest_published_run",
          "current_anomalies",
          "current_baselines",
          "current_detector_thresholds",
          "runs",
          "run_files",
          "run_quarantine_reasons",
          "anomalies",
          "anomaly_history",
          "baselines",
          "detector_thresholds",
          "feedback");

  @AfterAll
  static void dropLogins() {
    LOGINS.dropAll();
  }

  @Test
  void theGroupRolesExistAndCannotLogIn() throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select rolname, rolcanlogin from pg_roles where rolname in"
                    + " ('sentinela_pipeline', 'sentinela_reader', 'sentinela_feedback_writer')"
                    + " order by rolname")) {
      int roles = 0;
      while (rs.next()) {
        roles++;
        assertThat(rs.getBoolean("rolcanlogin")).as(rs.getString("rolname")).isFalse();
      }
      assertThat(roles).isEqualTo(3);
    }
  }

  @Test
  void aReaderSelectsEveryViewAndTableButWritesNothing() throws SQLException {
    DatabaseSettings reader = LOGINS.loginIn("sentinela_reader", FIXTURE.db());
    try (Connection c = reader.connect();
        Statement s = c.createStatement()) {
      for (String relation : READABLE) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + relation)) {
          assertThat(rs.next()).as(relation).isTrue();
        }
      }
      try (ResultSet rs = s.executeQuery("select count(*) from riskiest_suppliers")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(3);
      }

      assertDenied(
          s,
          "insert into anomalies (run_id, anomaly_id, detector, natural_key, contract_number,"
              + " unit_code, buyer_uf, supplier_id, supplier_kind, modality, signature_date,"
              + " score, severity, threshold, threshold_version, evidence, explanation) values"
              + " ('run-2024-05-02', 'forged', 'VALUE_OUTLIER', 'k', '1/2024', '150001', 'RJ',"
              + " '11222333000181', 'CNPJ', 'PREGAO', date '2024-03-01', 9, 'HIGH', 3.5, 1, '{}',"
              + " 'x')");
      assertDenied(s, "update runs set status = 'FAILED'");
      assertDenied(s, "delete from anomalies");
      assertDenied(s, "insert into feedback (anomaly_id, verdict) values ('an-0001', 'CONFIRMED')");
      assertDenied(s, "select count(*) from batch_job_instance");
    }
  }

  @Test
  void aFeedbackWriterRecordsVerdictsButCannotTouchTheResults() throws SQLException {
    DatabaseSettings writer = LOGINS.loginIn("sentinela_feedback_writer", FIXTURE.db());
    try (Connection c = writer.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into feedback (anomaly_id, verdict, note)"
              + " values ('an-0010', 'DISMISSED', 'Preço de mercado')");
      s.execute(
          "update feedback set verdict = 'CONFIRMED', note = 'Revisto'"
              + " where anomaly_id = 'an-0010' and analyst = current_user");
      try (ResultSet rs =
          s.executeQuery(
              "select analyst = current_user as mine, verdict, updated_at > created_at as touched"
                  + " from feedback where anomaly_id = 'an-0010'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean("mine")).as("analyst defaults to the login").isTrue();
        assertThat(rs.getString("verdict")).isEqualTo("CONFIRMED");
        assertThat(rs.getBoolean("touched")).as("updated_at follows an update").isTrue();
      }
      try (ResultSet rs = s.executeQuery("select count(*) from riskiest_buyer_units")) {
        assertThat(rs.next()).isTrue();
      }

      assertThatThrownBy(
              () ->
                  s.execute(
                      "insert into feedback (anomaly_id, verdict) values ('an-0011', 'MAYBE')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check constraint");
      assertDenied(s, "update anomalies set score = 0 where anomaly_id = 'an-0001'");
      assertDenied(s, "delete from feedback");
      assertDenied(s, "insert into anomaly_history values ('x', 'r', now(), 'r', now())");
    }
  }

  @Test
  void thePipelineWritesResultsAndTheBatchJobRepository() throws SQLException {
    DatabaseSettings pipeline = LOGINS.loginIn("sentinela_pipeline", FIXTURE.db());
    assertThat(ReportingSchema.migrate(pipeline).migrationsExecuted)
        .as("a command's migrate step is a no-op it may run once the owner has migrated")
        .isZero();
    try (Connection c = pipeline.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "insert into runs (run_id, started_at, status) values ('pipeline-probe', now(),"
                + " 'RUNNING')");
        s.execute("update runs set status = 'FAILED' where run_id = 'pipeline-probe'");
        s.execute(
            "insert into batch_job_instance (job_instance_id, version, job_name, job_key)"
                + " values (nextval('batch_job_seq'), 0, 'probe', 'k')");
        s.execute("delete from anomaly_history where anomaly_id = 'no-such-id'");
        try (ResultSet rs = s.executeQuery("select count(*) from flyway_schema_history")) {
          assertThat(rs.next()).isTrue();
        }
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void theMigrationRunsForAnOwnerThatIsNotASuperuser() throws SQLException {
    String owner = LOGINS.newLogin("");
    String database = "sentinela_test_owned_" + owner.substring(owner.lastIndexOf('_') + 1);
    DatabaseLogins.admin("create database " + database + " owner " + owner);
    try {
      String serverUrl = TestPostgres.server().url();
      DatabaseSettings asOwner =
          new DatabaseSettings(
              serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database,
              owner,
              DatabaseLogins.PASSWORD);

      assertThat(ReportingSchema.migrate(asOwner).success).isTrue();

      DatabaseSettings reader = LOGINS.loginIn("sentinela_reader", asOwner);
      try (Connection c = reader.connect();
          Statement s = c.createStatement()) {
        for (String relation : READABLE) {
          s.executeQuery("select count(*) from " + relation).close();
        }
        assertDenied(s, "delete from runs");
      }
    } finally {
      DatabaseLogins.admin("drop database if exists " + database + " with (force)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sentinela_reader", "sentinela_feedback_writer", "sentinela_pipeline"})
  void noGroupRoleCanRunTheGrantFunction(String role) throws SQLException {
    DatabaseSettings login = LOGINS.loginIn(role, FIXTURE.db());
    try (Connection c = login.connect();
        Statement s = c.createStatement()) {
      assertDenied(s, "select sentinela_grant_privileges()");
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
