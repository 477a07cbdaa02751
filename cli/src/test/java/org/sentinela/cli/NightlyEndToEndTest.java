package org.sentinela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.EmbeddedReportingDatabase;

/**
 * The README's first command, for real: {@code demo} runs a night on the bundled sample with the
 * embedded defaults (child JVMs for the ingest and Spark, embedded PostgreSQL), twice, and {@code
 * serve} answers {@code GET /api/v1/anomalies} with the published flags.
 */
class NightlyEndToEndTest {

  /** Data rows in data/sample/portal (3,983 lines minus six headers). */
  private static final long SAMPLE_ROWS = 3977;

  @TempDir Path home;

  @Test
  void aNightOnTheBundledSamplePublishesFlagsThatTheApiServesAndASecondNightChangesNothing()
      throws Exception {
    Map<String, String> env =
        Map.of("SENTINELA_HOME", home.toString(), "SENTINELA_API_PORT", String.valueOf(freePort()));
    SentinelaSettings settings = SentinelaSettings.from(env, Path.of("."), home);
    // Holding the embedded server open lets the test read it between commands; the commands
    // reuse it exactly as a `serve` running beside a `nightly` would.
    try (EmbeddedReportingDatabase db =
        EmbeddedReportingDatabase.startOrReuse(
            settings.embeddedDatabaseData(), settings.embeddedDatabaseBinaries(), 0)) {

      // when: the first night
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit = run(env, out, "demo");

      // then: the summary balances and the flags are published
      String summary = out.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(summary).isZero();
      assertThat(summary).contains("records read 3,977 = accepted").contains("Top 10:");
      String firstRun = latestPublishedRun(db.settings());
      assertThat(
              longValue(
                  db.settings(), "select records_read from runs where run_id = '" + firstRun + "'"))
          .isEqualTo(SAMPLE_ROWS);
      assertThat(
              longValue(
                  db.settings(),
                  "select count(*) from runs where run_id = '"
                      + firstRun
                      + "'"
                      + " and records_read = records_accepted + records_quarantined + records_duplicate"
                      + " and status = 'SUCCEEDED'"))
          .isEqualTo(1);
      List<String> firstIds = currentAnomalyIds(db.settings());
      assertThat(firstIds).isNotEmpty();
      // the R$ 10 billion water-supply contract of May 2021 (a scale slip) is among the flags
      assertThat(
              longValue(
                  db.settings(),
                  "select count(*) from current_anomalies where contract_number = '22017'"
                      + " and detector = 'VALUE_OUTLIER' and score >= threshold"
                      + " and evidence ? 'segment_level' and evidence ? 'threshold_version'"))
          .isEqualTo(1);

      // when: the same night again
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      assertThat(run(env, again, "demo")).isZero();
      assertThat(again.toString(StandardCharsets.UTF_8))
          .contains("records read 0 = accepted 0")
          .contains("6 file(s) unchanged since an earlier night");

      // then: a new run with exactly the same published flags, first seen in the first run
      String secondRun = latestPublishedRun(db.settings());
      assertThat(secondRun).isNotEqualTo(firstRun);
      assertThat(currentAnomalyIds(db.settings())).isEqualTo(firstIds);
      assertThat(
              longValue(
                  db.settings(),
                  "select count(*) from current_anomalies where first_seen_at < last_seen_at"))
          .isEqualTo(firstIds.size());

      // and: `runs` reports both nights, and one night's accounting per file as JSON
      ByteArrayOutputStream runs = new ByteArrayOutputStream();
      assertThat(run(env, runs, "runs")).isZero();
      assertThat(runs.toString(StandardCharsets.UTF_8)).contains(firstRun, secondRun);
      ByteArrayOutputStream oneRun = new ByteArrayOutputStream();
      assertThat(run(env, oneRun, "runs", firstRun, "--format", "json")).isZero();
      JsonNode report = new ObjectMapper().readTree(oneRun.toString(StandardCharsets.UTF_8));
      assertThat(report.get("records_read").asLong()).isEqualTo(SAMPLE_ROWS);
      assertThat(report.get("files")).hasSize(6);
      report
          .get("files")
          .forEach(
              file -> {
                assertThat(file.get("status").asText()).isEqualTo("INGESTED");
                assertThat(file.get("records_read").asLong())
                    .isEqualTo(
                        file.get("records_accepted").asLong()
                            + file.get("records_quarantined").asLong()
                            + file.get("records_duplicate").asLong());
              });
      assertThat(run(env, new ByteArrayOutputStream(), "runs", "no-such-run")).isEqualTo(1);

      // and: serve answers with them
      assertServed(env, firstIds);
    }
  }

  private static void assertServed(Map<String, String> env, List<String> ids) throws Exception {
    CompletableFuture<Integer> server =
        CompletableFuture.supplyAsync(() -> run(env, new ByteArrayOutputStream(), "serve"));
    try {
      URI uri =
          URI.create(
              "http://127.0.0.1:" + env.get("SENTINELA_API_PORT") + "/api/v1/anomalies?limit=500");
      JsonNode body = new ObjectMapper().readTree(awaitOk(uri, server));
      List<String> served = new ArrayList<>();
      body.get("items").forEach(item -> served.add(item.get("anomaly_id").asText()));
      assertThat(served)
          .containsExactlyInAnyOrderElementsOf(ids.size() > 500 ? ids.subList(0, 500) : ids);
    } finally {
      ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
      server.get();
    }
  }

  /** Polls until the API answers 200, the server stops, or 90 s pass. */
  private static String awaitOk(URI uri, CompletableFuture<Integer> server) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plusSeconds(90);
    while (Instant.now().isBefore(deadline) && !server.isDone()) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response.body();
        }
      } catch (IOException notYetListening) {
        try {
          // waits on the server itself: returns at once if it stopped
          server.get(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillStarting) {
          // the API is still starting
        }
      }
    }
    throw new AssertionError(
        "the API did not answer 200 at " + uri + " (server done: " + server.isDone() + ")");
  }

  private static int run(Map<String, String> env, ByteArrayOutputStream out, String... args) {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return Sentinela.execute(env, print, print, args);
  }

  private static String latestPublishedRun(DatabaseSettings db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select run_id from latest_published_run")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static List<String> currentAnomalyIds(DatabaseSettings db) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select anomaly_id from current_anomalies order by anomaly_id")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static long longValue(DatabaseSettings db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
