package org.sentinela.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.analytics.fixtures.Sql;
import org.sentinela.analytics.reporting.ReportingDatabase;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/** The command line's failures: exit status and the message the operator reads. No Spark. */
class NightlyAnalysisTest {

  @TempDir Path lake;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return NightlyAnalysis.execute(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, String> env(String url, String user, String password) {
    return Map.of(
        "SENTINELA_DB_URL", url, "SENTINELA_DB_USER", user, "SENTINELA_DB_PASSWORD", password);
  }

  private static Map<String, String> env(ReportingDatabase db) {
    return env(db.url(), db.user(), db.password());
  }

  @Test
  void badArgumentsExitWithStatus2AndTheUsage() {
    int status = run(env(Sql.migratedDatabase()), "--lake");

    assertThat(status).isEqualTo(2);
    assertThat(err()).contains("--lake needs a value").contains("usage: NightlyAnalysis");
    assertThat(out.size()).isZero();
  }

  @Test
  void helpPrintsTheUsage() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--lake DIR --run-id ID");
  }

  @Test
  void anUnmigratedDatabaseIsRefusedWithTheCommandThatFixesIt() {
    DatabaseSettings empty = TestPostgres.emptyDatabase();

    int status =
        run(env(empty.url(), empty.user(), empty.password()), "--lake", "x", "--run-id", "r1");

    assertThat(status).isEqualTo(1);
    assertThat(err())
        .contains("is not migrated (schema version none")
        .contains("run `scripts/sentinela migrate`");
  }

  @Test
  void anUnreachableDatabaseIsNamed() {
    int status =
        run(
            env("jdbc:postgresql://127.0.0.1:1/sentinela", "sentinela", ""),
            "--lake",
            lake.toString(),
            "--run-id",
            "r1");

    assertThat(status).isEqualTo(1);
    assertThat(err())
        .contains("cannot read the reporting database jdbc:postgresql://127.0.0.1:1/sentinela");
  }

  @Test
  void aDetectorWithoutAThresholdRowIsNamed() {
    ReportingDatabase db = Sql.migratedDatabase();
    Sql.execute(db, "delete from detector_thresholds where detector = 'CONTRACT_SPLITTING'");

    int status = run(env(db), "--lake", lake.toString(), "--run-id", "r1");

    assertThat(status).isEqualTo(1);
    assertThat(err()).contains("has no CONTRACT_SPLITTING row; add one to detector_thresholds");
  }

  @Test
  void anInvalidDetectorParameterIsNamedWithItsValue() {
    ReportingDatabase db = Sql.migratedDatabase();
    Sql.execute(
        db,
        "insert into detector_thresholds (detector, version, threshold, parameters, source)"
            + " select detector, 2, threshold, parameters || '{\"window_days\": \"ninety\"}',"
            + " 'test' from detector_thresholds where detector = 'CONTRACT_SPLITTING'");

    int status = run(env(db), "--lake", lake.toString(), "--run-id", "r1");

    assertThat(status).isEqualTo(1);
    assertThat(err())
        .contains(
            "CONTRACT_SPLITTING version 2: parameter window_days must be an integer, got 'ninety'");
  }

  @Test
  void aLakeWithoutAContractsSnapshotIsRefused() throws Exception {
    ReportingDatabase db = Sql.migratedDatabase();

    int status = run(env(db), "--lake", lake.toString(), "--run-id", "r1");

    assertThat(status).isEqualTo(1);
    assertThat(err())
        .contains("no contracts snapshot in the lake " + lake)
        .contains("contracts/CURRENT is missing");

    Files.createDirectories(lake.resolve("contracts"));
    Files.writeString(lake.resolve("contracts/CURRENT"), "ingest-7\n");
    err.reset();
    assertThat(run(env(db), "--lake", lake.toString(), "--run-id", "r1")).isEqualTo(1);
    assertThat(err()).contains("names snapshot " + lake.resolve("contracts/snapshots/ingest-7"));
  }
}
