package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.ApiClient;
import org.sentinela.reporting.api.ApiClient.Answer;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The anomaly list's page cache over a database of its own, where the test publishes runs: a
 * repeated request is served from memory with the same entity tag, {@code If-None-Match} gives 304,
 * a new publication is seen on the next request (the latest run is re-checked on every request
 * here, {@code SENTINELA_API_LATEST_RUN_CHECK_MS=0}), and a CPF is masked in cached pages too.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "SENTINELA_API_LATEST_RUN_CHECK_MS=0")
class AnomalyPageCacheApiTest {

  private static final DatabaseSettings DB = TestPostgres.migratedDatabase();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CPF = "12345678909";
  private static final AtomicInteger PUBLICATIONS = new AtomicInteger();
  private static final String EVIDENCE =
      "{\"z\": 4.25, \"peers\": [1, 2], \"cpf\": " + CPF + ", \"note\": \"pago a " + CPF + "\"}";
  private static final String COMPANY_EVIDENCE =
      "{\"z\": 3.75, \"peers\": [3], \"cnpj\": \"11222333000181\", \"note\": \"ok\"}";

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
  void aRepeatedPageComesFromMemoryAndANewPublicationIsSeenAtOnce() throws Exception {
    publish("cache-r1", "a1", "a2");
    Answer first = api.get("/api/v1/anomalies?uf=rj");
    double hitsBefore = hits();
    Answer again = api.get("/api/v1/anomalies?uf=RJ");
    Answer unchanged =
        api.get(
            "/api/v1/anomalies?uf=RJ", "If-None-Match", first.headers().firstValue("ETag").get());

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("run").get("run_id").asText()).isEqualTo("cache-r1");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(again.text()).isEqualTo(first.text());
    assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    assertThat(hits() - hitsBefore).as("uf=rj and uf=RJ are one cached page").isEqualTo(2);
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.text()).isEmpty();

    publish("cache-r2", "b1");
    Answer afterPublication =
        api.get(
            "/api/v1/anomalies?uf=RJ", "If-None-Match", first.headers().firstValue("ETag").get());

    assertThat(afterPublication.status()).isEqualTo(200);
    assertThat(afterPublication.json().get("run").get("run_id").asText()).isEqualTo("cache-r2");
    assertThat(afterPublication.json().get("items")).hasSize(1);
    assertThat(afterPublication.headers().firstValue("ETag"))
        .isNotEqualTo(first.headers().firstValue("ETag"));
    Answer olderRun = api.get("/api/v1/anomalies?uf=RJ&run=cache-r1");
    assertThat(olderRun.json().get("items")).hasSize(2);
  }

  @Test
  void aCachedPageStillMasksTheCpfAndPassesOtherEvidenceThroughUnchanged() throws Exception {
    publish("cache-r3", "c1", "c2");
    String path = "/api/v1/anomalies?detector=VALUE_OUTLIER&limit=10";
    Answer fromDatabase = api.get(path);
    Answer fromMemory = api.get(path);

    assertThat(fromMemory.text()).isEqualTo(fromDatabase.text());
    assertThat(fromMemory.text()).doesNotContain(CPF).doesNotContain("123.456.789-09");
    var items = fromMemory.json().get("items");
    var person = items.get(0).get("supplier").get("kind").asText().equals("CPF") ? 0 : 1;
    assertThat(items.get(person).get("evidence"))
        .isEqualTo(
            JSON.readTree(
                "{\"z\": 4.25, \"peers\": [1, 2], \"cpf\": \"***.456.789-**\","
                    + " \"note\": \"pago a ***.456.789-**\"}"));
    assertThat(items.get(1 - person).get("evidence")).isEqualTo(JSON.readTree(COMPANY_EVIDENCE));
  }

  private double hits() {
    Answer metrics = api.get("/actuator/prometheus");
    return metrics
        .text()
        .lines()
        .filter(line -> line.startsWith("sentinela_api_anomaly_page_cache_total{result=\"hit\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /**
   * Publishes a run with one anomaly per id, all in RJ: the first one's supplier is a person (CPF),
   * the others a company; the person's evidence quotes the CPF. Each publication is an hour after
   * the one before, so it becomes the latest.
   */
  private static void publish(String runId, String... anomalyIds) throws SQLException {
    Instant publishedAt =
        Instant.parse("2024-06-01T06:00:00Z").plusSeconds(3600L * PUBLICATIONS.incrementAndGet());
    try (Connection c = DB.connect()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into runs (run_id, started_at, finished_at, status, published_at)"
                  + " values (?, ?, ?, 'SUCCEEDED', ?)")) {
        s.setString(1, runId);
        s.setTimestamp(2, Timestamp.from(publishedAt.minusSeconds(3600)));
        s.setTimestamp(3, Timestamp.from(publishedAt));
        s.setTimestamp(4, Timestamp.from(publishedAt));
        s.executeUpdate();
      }
      for (int i = 0; i < anomalyIds.length; i++) {
        String supplier = i == 0 ? CPF : "11222333000181";
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into anomalies (run_id, anomaly_id, detector, natural_key,"
                    + " contract_number, unit_code, buyer_uf, supplier_id, supplier_kind,"
                    + " modality, signature_date, score, severity, threshold,"
                    + " threshold_version, evidence, explanation) values (?, ?,"
                    + " 'VALUE_OUTLIER', ?, '1/2024', '150001', 'RJ', ?, ?, 'PREGAO',"
                    + " date '2024-03-01', ?, 'HIGH', 3.5, 1, ?::jsonb, 'x')")) {
          s.setString(1, runId);
          s.setString(2, anomalyIds[i]);
          s.setString(3, "150001|1/2024|" + supplier + "|" + anomalyIds[i]);
          s.setString(4, supplier);
          s.setString(5, i == 0 ? "CPF" : "CNPJ");
          s.setDouble(6, 9 - i);
          s.setString(7, i == 0 ? EVIDENCE : COMPANY_EVIDENCE);
          s.executeUpdate();
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into anomaly_history values (?, ?, ?, ?, ?)"
                    + " on conflict (anomaly_id) do update set last_seen_run = excluded.last_seen_run")) {
          s.setString(1, anomalyIds[i]);
          s.setString(2, runId);
          s.setTimestamp(3, Timestamp.from(publishedAt));
          s.setString(4, runId);
          s.setTimestamp(5, Timestamp.from(publishedAt));
          s.executeUpdate();
        }
      }
    }
  }
}
