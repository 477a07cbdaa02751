package org.sentinela.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.ingest.BatchJobsApplication;
import org.sentinela.ingest.IngestOptions;
import org.sentinela.ingest.metrics.RunningPushgateway.Sample;
import org.sentinela.ingest.portal.ComprasFixtures;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The ingest's metrics pushed to a real Pushgateway equal the run's accounting in the database. */
@ExtendWith(OutputCaptureExtension.class)
class PushgatewayIngestTest {

  private static final Path SAMPLE = Path.of("..", "data", "sample", "portal");
  private static final Path SLICES =
      Path.of("src", "test", "resources", "org", "sentinela", "ingest", "portal");
  private static final String JOB = PushgatewaySettings.JOB;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void pushesOnceAtTheEndWhatTheRunRecordsInTheDatabase() throws Exception {
    try (RunningPushgateway gateway = RunningPushgateway.start(work.resolve("pushgateway"))) {
      // given: contracts with duplicates, crafted bad contracts, amendments and an ignored file
      Path input = inbox();
      Path lake = work.resolve("lake");
      DatabaseSettings db = TestPostgres.migratedDatabase();

      // when
      int exit =
          BatchJobsApplication.run(
              new IngestOptions(input, lake, "m-1"),
              db,
              Optional.of(PushgatewaySettings.parse(gateway.url())));

      // then: per source, the pushed counters are the run_files accounting
      assertThat(exit).isZero();
      List<Sample> pushed = gateway.samples(JOB);
      assertThat(pushed).isNotEmpty().allMatch(s -> "m-1".equals(s.labels().get("run_id")));
      Map<String, long[]> accounting = accountingBySource(db, "m-1");
      assertThat(accounting).containsOnlyKeys("PORTAL_COMPRAS", "PORTAL_TERMO_ADITIVO");
      JsonNode inDb = ingestMetrics(db, "m-1");
      for (Map.Entry<String, long[]> e : accounting.entrySet()) {
        String source = e.getKey();
        long[] a = e.getValue();
        assertThat(value(pushed, "sentinela_ingest_records_read_total", source)).isEqualTo(a[0]);
        assertThat(value(pushed, "sentinela_ingest_records_accepted_total", source))
            .isEqualTo(a[1]);
        assertThat(sum(pushed, "sentinela_ingest_records_quarantined_total", source))
            .isEqualTo(a[2]);
        assertThat(value(pushed, "sentinela_ingest_records_duplicate_total", source))
            .isEqualTo(a[3]);
        JsonNode sourceInDb = inDb.path("by_source").path(source);
        assertThat(sourceInDb.path("records_read").asLong()).isEqualTo(a[0]);
        assertThat(value(pushed, "sentinela_ingest_read_bytes_total", source))
            .isEqualTo(sourceInDb.path("bytes_read").asLong());
      }
      assertThat(reasons(pushed)).isEqualTo(quarantineReasons(db, "m-1")).isNotEmpty();
      assertThat(value(pushed, "sentinela_ingest_read_bytes_total", "PORTAL_COMPRAS"))
          .isEqualTo(
              Files.size(input.resolve("202105_Compras.csv"))
                  + Files.size(input.resolve("202112_Compras.csv")));
      assertThat(files(pushed)).isEqualTo(fileStatuses(db, "m-1"));

      // and the timers and gauges carry the figures the database keeps
      Sample fileTime =
          one(
              pushed,
              s ->
                  s.name().equals("sentinela_ingest_file_duration_seconds_sum")
                      && "202105_Compras.csv".equals(s.labels().get("file")));
      assertThat(fileTime.value())
          .isCloseTo(inDb.path("file_seconds").path("202105_Compras.csv").asDouble(), within(0.001))
          .isPositive();
      Sample runTime = one(pushed, s -> s.name().equals("sentinela_ingest_duration_seconds_sum"));
      assertThat(runTime.labels()).containsEntry("status", "COMPLETED");
      assertThat(runTime.value()).isCloseTo(inDb.path("seconds").asDouble(), within(0.001));
      assertThat(one(pushed, s -> s.name().equals("sentinela_ingest_run_succeeded")).value())
          .isEqualTo(1.0);
      assertThat(one(pushed, s -> s.name().equals("sentinela_ingest_records_per_second")).value())
          .isEqualTo(inDb.path("records_per_second").asDouble());
      assertThat(inDb.path("status").asText()).isEqualTo("COMPLETED");
      assertThat(inDb.path("pushgateway").path("pushed").asBoolean()).isTrue();
    }
  }

  @Test
  void aFailedRunPushesItsStatusAndWhatItHadRead() throws Exception {
    try (RunningPushgateway gateway = RunningPushgateway.start(work.resolve("pushgateway"))) {
      // given: the run's record, as the nightly command creates it, and a lake whose contract
      // staging folder cannot be created (a file is in its way)
      Path input = inbox();
      Path lake = work.resolve("lake");
      Path staging = lake.resolve("contracts").resolve("snapshots").resolve("m-fail.staging");
      Files.createDirectories(staging.getParent());
      Files.writeString(staging, "in the way");
      DatabaseSettings db = TestPostgres.migratedDatabase();
      execute(
          db,
          "insert into runs (run_id, started_at, status, input_dir)"
              + " values ('m-fail', now(), 'RUNNING', '"
              + input
              + "')");

      // when
      int exit =
          BatchJobsApplication.run(
              new IngestOptions(input, lake, "m-fail"),
              db,
              Optional.of(PushgatewaySettings.parse(gateway.url())));

      // then: the night failed, and both the gateway and the run's record say so
      assertThat(exit).isEqualTo(1);
      List<Sample> pushed = gateway.samples(JOB);
      assertThat(one(pushed, s -> s.name().equals("sentinela_ingest_run_succeeded")).value())
          .isZero();
      assertThat(
              one(pushed, s -> s.name().equals("sentinela_ingest_duration_seconds_count")).labels())
          .containsEntry("status", "FAILED")
          .containsEntry("run_id", "m-fail");
      JsonNode inDb = ingestMetrics(db, "m-fail");
      assertThat(inDb.path("status").asText()).isEqualTo("FAILED");
      assertThat(
              inDb.path("by_source").path("PORTAL_COMPRAS").path("files_by_status").has("FAILED"))
          .isTrue();
      assertThat(inDb.path("pushgateway").path("pushed").asBoolean()).isTrue();
    }
  }

  @Test
  void anUnreachableGatewayCostsAWarningNotTheNight(CapturedOutput output) throws Exception {
    // given: a port nobody listens on
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Path input = inbox();
    DatabaseSettings db = TestPostgres.migratedDatabase();

    // when
    int exit =
        BatchJobsApplication.run(
            new IngestOptions(input, work.resolve("lake"), "m-2"),
            db,
            Optional.of(PushgatewaySettings.parse("http://127.0.0.1:" + closedPort)));

    // then: the run completed, said why the push failed, and its metrics are in the database
    assertThat(exit).isZero();
    assertThat(output.getOut())
        .contains("WARN")
        .contains("Could not push the ingest metrics of run m-2")
        .contains(PushgatewaySettings.VARIABLE);
    JsonNode inDb = ingestMetrics(db, "m-2");
    assertThat(inDb.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(inDb.path("records_read").asLong())
        .isEqualTo(accountingBySource(db, "m-2").values().stream().mapToLong(a -> a[0]).sum())
        .isPositive();
    assertThat(inDb.path("pushgateway").path("pushed").asBoolean()).isFalse();
    assertThat(inDb.path("pushgateway").path("error").asText()).contains("Connection refused");
  }

  private Path inbox() throws IOException {
    Path input = Files.createDirectories(work.resolve("inbox"));
    Files.copy(SAMPLE.resolve("202105_Compras.csv"), input.resolve("202105_Compras.csv"));
    Files.copy(SLICES.resolve("202105_TermoAditivo.csv"), input.resolve("202105_TermoAditivo.csv"));
    Files.writeString(
        input.resolve("202112_Compras.csv"),
        String.join(
                "\n",
                PortalComprasFormat.headerLine(),
                ComprasFixtures.line("1001", "1500,0000", "1500,0000", "03/12/2021"),
                "\"1002\";\"only three\";\"fields\"",
                ComprasFixtures.line("1003", "10,0000", "10,0000", "31/11/2021"),
                ComprasFixtures.line("1001", "1500,0000", "1500,0000", "03/12/2021"))
            + "\n",
        PortalComprasFormat.CHARSET);
    Files.writeString(input.resolve("notes.txt"), "not a contract file\n");
    return input;
  }

  private static Sample one(List<Sample> samples, Predicate<Sample> which) {
    List<Sample> found = samples.stream().filter(which).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static long value(List<Sample> samples, String name, String source) {
    return Math.round(
        one(samples, s -> s.name().equals(name) && source.equals(s.labels().get("source")))
            .value());
  }

  private static long sum(List<Sample> samples, String name, String source) {
    return Math.round(
        samples.stream()
            .filter(s -> s.name().equals(name) && source.equals(s.labels().get("source")))
            .mapToDouble(Sample::value)
            .sum());
  }

  /** "source/reason" → quarantined records, as pushed. */
  private static Map<String, Long> reasons(List<Sample> samples) {
    Map<String, Long> reasons = new TreeMap<>();
    samples.stream()
        .filter(s -> s.name().equals("sentinela_ingest_records_quarantined_total"))
        .forEach(
            s ->
                reasons.put(
                    s.labels().get("source") + "/" + s.labels().get("reason"),
                    Math.round(s.value())));
    return reasons;
  }

  /** "source/status" → files, as pushed. */
  private static Map<String, Long> files(List<Sample> samples) {
    Map<String, Long> files = new TreeMap<>();
    samples.stream()
        .filter(s -> s.name().equals("sentinela_ingest_files_total"))
        .forEach(
            s ->
                files.put(
                    s.labels().get("source") + "/" + s.labels().get("status"),
                    Math.round(s.value())));
    return files;
  }

  /** Per source of the files read: read, accepted, quarantined, duplicate. */
  private static Map<String, long[]> accountingBySource(DatabaseSettings db, String runId)
      throws SQLException {
    Map<String, long[]> bySource = new TreeMap<>();
    query(
        db,
        "select source, sum(records_read), sum(records_accepted), sum(records_quarantined),"
            + " sum(records_duplicate) from run_files where run_id = ? and status = 'INGESTED'"
            + " group by source",
        runId,
        rs ->
            bySource.put(
                rs.getString(1),
                new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
    return bySource;
  }

  private static Map<String, Long> quarantineReasons(DatabaseSettings db, String runId)
      throws SQLException {
    Map<String, Long> reasons = new TreeMap<>();
    query(
        db,
        "select f.source || '/' || q.reason, sum(q.records) from run_quarantine_reasons q"
            + " join run_files f using (run_id, file_name) where q.run_id = ? group by 1",
        runId,
        rs -> reasons.put(rs.getString(1), rs.getLong(2)));
    return reasons;
  }

  private static Map<String, Long> fileStatuses(DatabaseSettings db, String runId)
      throws SQLException {
    Map<String, Long> files = new TreeMap<>();
    query(
        db,
        "select source || '/' || status, count(*) from run_files where run_id = ? group by 1",
        runId,
        rs -> files.put(rs.getString(1), rs.getLong(2)));
    return files;
  }

  private static JsonNode ingestMetrics(DatabaseSettings db, String runId) throws Exception {
    String[] json = new String[1];
    query(
        db,
        "select metrics->'ingest' from runs where run_id = ?",
        runId,
        rs -> json[0] = rs.getString(1));
    assertThat(json[0]).as("runs.metrics.ingest of " + runId).isNotNull();
    return JSON.readTree(json[0]);
  }

  private interface RowHandler {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(DatabaseSettings db, String sql, String runId, RowHandler handler)
      throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          handler.accept(rs);
        }
      }
    }
  }

  private static void execute(DatabaseSettings db, String sql) throws SQLException {
    try (Connection c = db.connect();
        java.sql.Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
