package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.ingest.portal.ComprasFixtures;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.model.LakeLayout;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/** A crash at 3 a.m.: the ingest JVM is killed with SIGKILL mid-run and started again. */
class IngestRestartTest {

  private static final Path SAMPLE = Path.of("..", "data", "sample", "portal");
  private static final int BIG_FILE_ROWS = 30_000;

  @TempDir Path work;

  @Test
  void aRunKilledMidwayAndStartedAgainEndsWithExactlyTheLakeOfACleanRun() throws Exception {
    // given: the six sample months and a large last file, ingested one file at a time
    Path input = Files.createDirectories(work.resolve("inbox"));
    try (Stream<Path> sample = Files.list(SAMPLE)) {
      for (Path file : sample.toList()) {
        Files.copy(file, input.resolve(file.getFileName()));
      }
    }
    writeBigFile(input.resolve("209912_Compras.csv"));
    DatabaseSettings db = TestPostgres.migratedDatabase();
    Path lake = work.resolve("lake");

    // when: the ingest runs in a child JVM and is killed as soon as one file is done
    Process child = startChildIngest(input, lake, "run-k", db);
    awaitCompletedFiles(db, child, 1);
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    // then: it died mid-run, and readers still see no lake
    assertThat(completedFiles(db)).isBetween(1, 6);
    assertThat(LakeLayout.currentSnapshot(lake, LakeLayout.CONTRACTS)).isEmpty();

    // when: the same run is started again
    int exit = BatchJobsApplication.run(new IngestOptions(input, lake, "run-k"), db);

    // then: it completes, and its lake and accounting are those of a clean run
    assertThat(exit).isZero();
    Path cleanLake = work.resolve("clean-lake");
    assertThat(BatchJobsApplication.run(new IngestOptions(input, cleanLake, "run-clean"), db))
        .isZero();
    assertThat(recordHashes(lake)).isEqualTo(recordHashes(cleanLake));
    assertThat(accounting(db, "run-k")).isEqualTo(accounting(db, "run-clean")).hasSize(7);
  }

  private static void writeBigFile(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, PortalComprasFormat.CHARSET)) {
      out.write(PortalComprasFormat.headerLine());
      out.write('\n');
      for (int i = 0; i < BIG_FILE_ROWS; i++) {
        out.write(
            ComprasFixtures.line("9" + i, (i % 997) + ",5000", (i % 997) + ",5000", "15/03/2022"));
        out.write('\n');
      }
    }
  }

  private Process startChildIngest(Path input, Path lake, String runId, DatabaseSettings db)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                BatchJobsApplication.class.getName(),
                "--input",
                input.toString(),
                "--lake",
                lake.toString(),
                "--run-id",
                runId)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("child.log").toFile());
    builder.environment().putAll(db.asEnvironment());
    builder.environment().put("SENTINELA_INGEST_THREADS", "1");
    return builder.start();
  }

  /**
   * Waits (on the child itself) until {@code files} per-file steps completed; fails after 120 s.
   */
  private void awaitCompletedFiles(DatabaseSettings db, Process child, int files) throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (completedFiles(db) < files) {
      if (child.waitFor(100, TimeUnit.MILLISECONDS) || Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "the child ingest ended or stalled before a file completed; see "
                + work.resolve("child.log")
                + ":\n"
                + Files.readString(work.resolve("child.log")));
      }
    }
  }

  private static int completedFiles(DatabaseSettings db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(distinct step_name) from batch_step_execution"
                    + " where step_name like 'ingestFile:%' and status = 'COMPLETED'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> recordHashes(Path lake) throws IOException {
    List<String> hashes = new ArrayList<>();
    for (Group g : IngestJobTest.readTable(lake, LakeLayout.CONTRACTS)) {
      hashes.add(g.getString("record_hash", 0) + "@" + g.getLong("source_record", 0));
    }
    hashes.sort(null);
    return hashes;
  }

  private static List<String> accounting(DatabaseSettings db, String runId) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select file_name, status, records_read, records_accepted, records_quarantined,"
                    + " records_duplicate from run_files where run_id = '"
                    + runId
                    + "' order by file_name")) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getLong(3)
                + "="
                + rs.getLong(4)
                + "+"
                + rs.getLong(5)
                + "+"
                + rs.getLong(6));
      }
    }
    return rows;
  }
}
