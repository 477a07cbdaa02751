package org.sentinela.reporting.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.db.testing.TestPostgres;

class ReportingSchemaTest {

  @Test
  void migratesAnEmptyDatabaseAndIsANoOpTheSecondTime() throws SQLException {
    DatabaseSettings db = TestPostgres.emptyDatabase();

    int first = ReportingSchema.migrate(db).migrationsExecuted;
    int second = ReportingSchema.migrate(db).migrationsExecuted;

    assertThat(first).isGreaterThanOrEqualTo(3);
    assertThat(second).isZero();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select detector, version, threshold from current_detector_thresholds"
                    + " where detector = 'VALUE_OUTLIER'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("version")).isEqualTo(3);
      assertThat(rs.getBigDecimal("threshold")).isEqualByComparingTo("3.5");
    }
  }

  @Test
  void runFileAccountingMustBalanceForIngestedFiles() throws SQLException {
    DatabaseSettings db = TestPostgres.migratedDatabase();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("insert into runs (run_id, started_at, status) values ('r1', now(), 'RUNNING')");
      s.execute(
          "insert into run_files (run_id, file_name, source, records_read, records_accepted,"
              + " records_quarantined, records_duplicate, status)"
              + " values ('r1', 'ok.csv', 'PORTAL_COMPRAS', 10, 7, 2, 1, 'INGESTED')");

      assertThatThrownBy(
              () ->
                  s.execute(
                      "insert into run_files (run_id, file_name, source, records_read,"
                          + " records_accepted, records_quarantined, records_duplicate, status)"
                          + " values ('r1', 'bad.csv', 'PORTAL_COMPRAS', 10, 7, 2, 0,"
                          + " 'INGESTED')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check constraint");
    }
  }

  @Test
  void currentAnomaliesShowOnlyTheLatestPublishedRun() throws SQLException {
    DatabaseSettings db = TestPostgres.migratedDatabase();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into runs (run_id, started_at, status, published_at) values"
              + " ('old', now() - interval '2 day', 'SUCCEEDED', now() - interval '2 day'),"
              + " ('new', now() - interval '1 day', 'SUCCEEDED', now() - interval '1 day'),"
              + " ('unpublished', now(), 'RUNNING', null)");
      for (String run : new String[] {"old", "new", "unpublished"}) {
        s.execute(
            "insert into anomalies (run_id, anomaly_id, detector, natural_key, contract_number,"
                + " unit_code, buyer_uf, supplier_id, supplier_kind, modality, signature_date,"
                + " score, severity, threshold, threshold_version, evidence, explanation) values ('"
                + run
                + "', 'a-"
                + run
                + "', 'VALUE_OUTLIER', 'u|1|s', '1', 'u', 'BR', 's', 'CNPJ', 'PREGAO',"
                + " date '2021-01-01', 5, 'HIGH', 3.5, 1, '{}', 'x')");
        s.execute(
            "insert into anomaly_history values ('a-"
                + run
                + "', '"
                + run
                + "', now(), '"
                + run
                + "', now())");
      }

      try (ResultSet rs = s.executeQuery("select run_id from current_anomalies")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("new");
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void flagsCarryPValuesAndQValuesBetweenZeroAndOne() throws SQLException {
    DatabaseSettings db = TestPostgres.migratedDatabase();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into runs (run_id, started_at, status, published_at)"
              + " values ('r', now(), 'SUCCEEDED', now())");
      String insert =
          "insert into anomalies (run_id, anomaly_id, detector, natural_key, contract_number,"
              + " unit_code, buyer_uf, supplier_id, supplier_kind, modality, signature_date,"
              + " score, severity, threshold, threshold_version, evidence, explanation,"
              + " p_value, q_value) values ('r', '%s', 'VALUE_OUTLIER', 'u|1|s', '1', 'u',"
              + " 'BR', 's', 'CNPJ', 'PREGAO', date '2021-01-01', 5, 'HIGH', 3.5, 1, '{}', 'x',"
              + " %s, %s)";
      s.execute(String.format(insert, "a", "0.0001", "0.002"));
      s.execute("insert into anomaly_history values ('a', 'r', now(), 'r', now())");

      try (ResultSet rs = s.executeQuery("select p_value, q_value from current_anomalies")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getDouble("p_value")).isEqualTo(0.0001);
        assertThat(rs.getDouble("q_value")).isEqualTo(0.002);
      }
      assertThatThrownBy(() -> s.execute(String.format(insert, "b", "0.5", "1.5")))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check constraint");
    }
  }
}
