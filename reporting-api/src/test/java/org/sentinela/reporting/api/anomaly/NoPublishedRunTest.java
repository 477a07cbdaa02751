package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Before the first run is published, the list is empty and the counts zero (not an error), and
 * every id is a 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoPublishedRunTest {

  private static final DatabaseSettings DB = onlyARunningRun();

  @LocalServerPort private int port;
  private ApiClient api;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DB::url);
    registry.add("spring.datasource.username", DB::user);
    registry.add("spring.datasource.password", DB::password);
  }

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void theListIsEmptyWithNoRun() {
    Answer answer = api.get("/api/v1/anomalies");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().has("run")).isTrue();
    assertThat(answer.json().get("run").isNull()).isTrue();
    assertThat(answer.json().get("items").isArray()).isTrue();
    assertThat(answer.json().get("items")).isEmpty();
    assertThat(answer.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  void theFlagCountsAreZeroWithNoRun() {
    Answer answer = api.get("/api/v1/flag-counts");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("run").isNull()).isTrue();
    assertThat(answer.json().get("flags").asLong()).isZero();
    assertThat(answer.json().get("by_month")).isEmpty();
    assertThat(answer.json().get("by_uf")).isEmpty();
  }

  @Test
  void anAnomalyOfAnUnpublishedRunIsNotFound() {
    assertThat(api.get("/api/v1/anomalies/draft-1").status()).isEqualTo(404);
  }

  private static DatabaseSettings onlyARunningRun() {
    DatabaseSettings db = TestPostgres.migratedDatabase();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("insert into runs (run_id, started_at, status) values ('r1', now(), 'RUNNING')");
      s.execute(
          "insert into anomalies (run_id, anomaly_id, detector, natural_key, contract_number,"
              + " unit_code, buyer_uf, supplier_id, supplier_kind, modality, signature_date,"
              + " score, severity, threshold, threshold_version, evidence, explanation) values"
              + " ('r1', 'draft-1', 'VALUE_OUTLIER', '150001|1/2024|11222333000181', '1/2024',"
              + " '150001', 'RJ', '11222333000181', 'CNPJ', 'PREGAO', date '2024-03-01', 5,"
              + " 'HIGH', 3.5, 1, '{}', 'x')");
      s.execute("insert into anomaly_history values ('draft-1', 'r1', now(), 'r1', now())");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return db;
  }
}
