package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.model.LakeLayout;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/** Nights given only new files ingest only those; the lake keeps what earlier nights read. */
class IncrementalIngestTest {

  private static final Path SAMPLE = Path.of("..", "data", "sample", "portal");

  @TempDir Path work;

  @Test
  void eachNightIngestsOnlyNewOrChangedFilesAndTheLakeKeepsTheRest() throws Exception {
    DatabaseSettings db = TestPostgres.migratedDatabase();
    Path lake = work.resolve("lake");

    // night 1: two months
    night(db, lake, "n1", "202101_Compras.csv", "202103_Compras.csv");
    Map<String, Long> afterFirst = rowsByFile(lake);

    // night 2: only the new month
    night(db, lake, "n2", "202105_Compras.csv");
    assertThat(statuses(db, "n2")).isEqualTo(Map.of("202105_Compras.csv", "INGESTED"));
    assertThat(rowsByFile(lake))
        .containsAllEntriesOf(afterFirst)
        .containsKey("202105_Compras.csv")
        .hasSize(3);

    // night 3: the same month again, unchanged, and a new one
    night(db, lake, "n3", "202105_Compras.csv", "202201_Compras.csv");
    assertThat(statuses(db, "n3"))
        .isEqualTo(Map.of("202105_Compras.csv", "UNCHANGED", "202201_Compras.csv", "INGESTED"));
    assertThat(readCount(db, "n3", "202105_Compras.csv")).isZero();
    Map<String, Long> afterThird = rowsByFile(lake);
    assertThat(afterThird).hasSize(4);

    // night 4: a republished 202101 with one row fewer replaces the old one
    Path input = inbox("n4");
    List<String> lines =
        Files.readAllLines(SAMPLE.resolve("202101_Compras.csv"), PortalComprasFormat.CHARSET);
    Files.write(
        input.resolve("202101_Compras.csv"),
        lines.subList(0, lines.size() - 1),
        PortalComprasFormat.CHARSET);
    assertThat(BatchJobsApplication.run(new IngestOptions(input, lake, "n4"), db)).isZero();
    Map<String, Long> afterFourth = rowsByFile(lake);
    assertThat(afterFourth.get("202101_Compras.csv"))
        .isEqualTo(afterThird.get("202101_Compras.csv") - 1);
    assertThat(afterFourth).hasSize(4);
  }

  @Test
  void aRunCutOffBetweenTwoTablesSwitchesResumesWithTheLakeOfACleanRun() throws Exception {
    DatabaseSettings db = TestPostgres.migratedDatabase();
    Path lake = work.resolve("lake");
    night(db, lake, "n1", "202101_Compras.csv");
    Path input = inbox("n2");
    for (String file : List.of("202101_Compras.csv", "202103_Compras.csv")) {
      Files.copy(SAMPLE.resolve(file), input.resolve(file));
    }
    // A folder where the quarantine table's new pointer is written: the commit fails after the
    // contracts table has switched to the new snapshot, as a crash at that moment would leave it.
    Path obstacle =
        lake.resolve(LakeLayout.QUARANTINE).resolve(LakeLayout.CURRENT + ".n2.tmp").resolve("x");
    Files.createDirectories(obstacle);

    assertThat(BatchJobsApplication.run(new IngestOptions(input, lake, "n2"), db)).isNotZero();
    assertThat(LakeLayout.currentSnapshot(lake, LakeLayout.CONTRACTS))
        .contains(LakeLayout.snapshot(lake, LakeLayout.CONTRACTS, "n2"));

    Files.delete(obstacle);
    Files.delete(obstacle.getParent());
    assertThat(BatchJobsApplication.run(new IngestOptions(input, lake, "n2"), db)).isZero();

    Path cleanLake = work.resolve("clean-lake");
    night(db, cleanLake, "clean", "202101_Compras.csv", "202103_Compras.csv");
    assertThat(rowsByFile(lake)).isEqualTo(rowsByFile(cleanLake)).hasSize(2);
    assertThat(LakeLayout.currentSnapshot(lake, LakeLayout.QUARANTINE))
        .contains(LakeLayout.snapshot(lake, LakeLayout.QUARANTINE, "n2"));
    assertThat(statuses(db, "n2"))
        .isEqualTo(Map.of("202101_Compras.csv", "UNCHANGED", "202103_Compras.csv", "INGESTED"));
  }

  private void night(DatabaseSettings db, Path lake, String runId, String... files)
      throws IOException {
    Path input = inbox(runId);
    for (String file : files) {
      Files.copy(SAMPLE.resolve(file), input.resolve(file));
    }
    assertThat(BatchJobsApplication.run(new IngestOptions(input, lake, runId), db)).isZero();
  }

  private Path inbox(String runId) throws IOException {
    return Files.createDirectories(work.resolve("inbox-" + runId));
  }

  private static Map<String, Long> rowsByFile(Path lake) throws IOException {
    Map<String, Long> rows = new TreeMap<>();
    for (Group g : IngestJobTest.readTable(lake, LakeLayout.CONTRACTS)) {
      rows.merge(g.getString("source_file", 0), 1L, Long::sum);
    }
    return rows;
  }

  private static Map<String, String> statuses(DatabaseSettings db, String runId)
      throws SQLException {
    Map<String, String> statuses = new TreeMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select file_name, status from run_files where run_id = '" + runId + "'")) {
      while (rs.next()) {
        statuses.put(rs.getString(1), rs.getString(2));
      }
    }
    return statuses;
  }

  private static long readCount(DatabaseSettings db, String runId, String file)
      throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select records_read from run_files where run_id = '"
                    + runId
                    + "' and file_name = '"
                    + file
                    + "'")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }
}
