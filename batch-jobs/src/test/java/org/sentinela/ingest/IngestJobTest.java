package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.ingest.portal.ComprasFixtures;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.model.LakeLayout;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

class IngestJobTest {

  private static final Path SAMPLE = Path.of("..", "data", "sample", "portal");

  @TempDir Path work;

  @Test
  void ingestsRealAndCraftedFilesAndEveryFileBalances() throws Exception {
    // given: a real month, a file of crafted bad records, an HTML page named as a Compras file,
    // and an amendments file whose header is not the Portal's
    Path input = Files.createDirectories(work.resolve("inbox"));
    Files.copy(SAMPLE.resolve("202105_Compras.csv"), input.resolve("202105_Compras.csv"));
    writeLatin1(
        input.resolve("202112_Compras.csv"),
        PortalComprasFormat.headerLine(),
        ComprasFixtures.line("1001", "1500,0000", "1500,0000", "03/12/2021"),
        "\"1002\";\"only three\";\"fields\"",
        ComprasFixtures.line("1003", "10,0000", "10,0000", "31/11/2021"),
        ComprasFixtures.line("1004", "dez reais", "10,0000", "01/12/2021"),
        ComprasFixtures.line("", "10,0000", "10,0000", "01/12/2021"),
        ComprasFixtures.line("1001", "1500,0000", "1500,0000", "03/12/2021"));
    // the Portal's monthly zip, read in place, and a failed download saved as .zip
    zip(input.resolve("202201.zip"), SAMPLE.resolve("202201_Compras.csv"));
    writeLatin1(input.resolve("202107.zip"), "", "<!DOCTYPE HTML>", "<html lang=\"pt-br\">");
    writeLatin1(
        input.resolve("202110_Compras.csv"), "\"Número Contrato\";\"Objeto\"", "\"1\";\"x\"");
    writeLatin1(input.resolve("202105_TermoAditivo.csv"), "\"Número Contrato\";\"Objeto\"");
    Path lake = work.resolve("lake");
    DatabaseSettings db = TestPostgres.migratedDatabase();

    // when
    int exit = BatchJobsApplication.run(new IngestOptions(input, lake, "run-a"), db);

    // then: the real month balances against an independent count of its lines
    assertThat(exit).isZero();
    List<String> realLines = dataLines(SAMPLE.resolve("202105_Compras.csv"));
    int distinctReal = new LinkedHashSet<>(realLines).size();
    Map<String, FileRow> files = runFiles(db, "run-a");
    assertThat(files.get("202105_Compras.csv"))
        .isEqualTo(
            new FileRow(
                "INGESTED", realLines.size(), distinctReal, 0, realLines.size() - distinctReal));
    assertThat(files.get("202112_Compras.csv")).isEqualTo(new FileRow("INGESTED", 6, 1, 4, 1));
    List<String> zippedLines = dataLines(SAMPLE.resolve("202201_Compras.csv"));
    int distinctZipped = new LinkedHashSet<>(zippedLines).size();
    assertThat(files.get("202201.zip!202201_Compras.csv"))
        .isEqualTo(
            new FileRow(
                "INGESTED",
                zippedLines.size(),
                distinctZipped,
                0,
                zippedLines.size() - distinctZipped));
    assertThat(files.get("202107.zip").status()).isEqualTo("FAILED");
    assertThat(fileError(db, "run-a", "202107.zip")).contains("HTML page, not a zip archive");
    assertThat(files.get("202110_Compras.csv").status()).isEqualTo("FAILED");
    assertThat(fileError(db, "run-a", "202110_Compras.csv")).contains("header is not the Portal");
    assertThat(files.get("202105_TermoAditivo.csv").status()).isEqualTo("FAILED");
    assertThat(fileError(db, "run-a", "202105_TermoAditivo.csv"))
        .contains("header is not the Portal TermoAditivo header");
    assertThat(quarantineReasons(db, "run-a"))
        .containsOnly(
            Map.entry("MALFORMED_LINE", 1L),
            Map.entry("INVALID_DATE", 1L),
            Map.entry("INVALID_VALUE", 1L),
            Map.entry("MISSING_CONTRACT_NUMBER", 1L));

    // and the run's record carries the ingest metrics per source
    assertThat(
            longValue(
                db,
                "select (metrics->'ingest'->'by_source'->'PORTAL_COMPRAS'->>'records_read')::bigint"
                    + " from runs where run_id = 'run-a'"))
        .isEqualTo(files.values().stream().mapToLong(FileRow::read).sum());

    // and the lake holds exactly the accepted rows, with money read back to the cent
    List<Group> contracts = readTable(lake, LakeLayout.CONTRACTS);
    assertThat(contracts).hasSize(distinctReal + distinctZipped + 1);
    BigDecimal expectedSum =
        Stream.concat(
                new LinkedHashSet<>(realLines).stream(), new LinkedHashSet<>(zippedLines).stream())
            .map(IngestJobTest::initialValueOf)
            .reduce(new BigDecimal("1500.0000"), BigDecimal::add);
    assertThat(sumOf(contracts, "initial_value")).isEqualByComparingTo(expectedSum);
    assertThat(duckDbCountAndSum(lake))
        .isEqualTo(
            List.of(
                BigDecimal.valueOf(distinctReal + distinctZipped + 1L), expectedSum.setScale(4)));
    assertThat(readTable(lake, LakeLayout.QUARANTINE))
        .extracting(g -> g.getString("reason", 0))
        .containsExactlyInAnyOrder(
            "MALFORMED_LINE", "INVALID_DATE", "INVALID_VALUE", "MISSING_CONTRACT_NUMBER");

    // when the same run is started again, it is already complete; a new run gives the same rows
    assertThat(BatchJobsApplication.run(new IngestOptions(input, lake, "run-a"), db)).isZero();
    assertThat(BatchJobsApplication.run(new IngestOptions(input, lake, "run-b"), db)).isZero();
    List<Group> again = readTable(lake, LakeLayout.CONTRACTS);
    assertThat(hashes(again)).isEqualTo(hashes(contracts));
    assertThat(Files.readString(lake.resolve("contracts/CURRENT")).strip()).isEqualTo("run-b");
  }

  /**
   * Count and sum of initial values as DuckDB reads the current snapshot (an independent Parquet
   * reader), with every row in the partition of its signature year and month.
   */
  private static List<BigDecimal> duckDbCountAndSum(Path lake) throws SQLException {
    Path snapshot = LakeLayout.currentSnapshot(lake, LakeLayout.CONTRACTS).orElseThrow();
    String files = snapshot.resolve("**").resolve("*.parquet").toString();
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*), sum(initial_value),"
                    + " count(*) filter (where sign_year <> year(signature_date)"
                    + " or sign_month <> month(signature_date))"
                    + " from read_parquet('"
                    + files
                    + "', hive_partitioning = true)")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(3)).as("rows outside their signature partition").isZero();
      return List.of(BigDecimal.valueOf(rs.getLong(1)), rs.getBigDecimal(2));
    }
  }

  /** A Portal-style monthly zip: the Compras CSV and an amendments entry. */
  private static void zip(Path zip, Path compras) throws IOException {
    try (java.util.zip.ZipOutputStream out =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry(compras.getFileName().toString()));
      Files.copy(compras, out);
      out.closeEntry();
      out.putNextEntry(new java.util.zip.ZipEntry("202201_TermoAditivo.csv"));
      out.write("\"Número Contrato\"\n".getBytes(PortalComprasFormat.CHARSET));
      out.closeEntry();
    }
  }

  private static String fileError(DatabaseSettings db, String runId, String file)
      throws SQLException {
    try (Connection c = db.connect();
        java.sql.PreparedStatement s =
            c.prepareStatement("select error from run_files where run_id = ? and file_name = ?")) {
      s.setString(1, runId);
      s.setString(2, file);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("run_files row for " + file).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static void writeLatin1(Path file, String... lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n", PortalComprasFormat.CHARSET);
  }

  private static List<String> dataLines(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, PortalComprasFormat.CHARSET);
    return lines.subList(1, lines.size());
  }

  private static BigDecimal initialValueOf(String line) {
    String[] fields = line.substring(1, line.length() - 1).split("\";\"", -1);
    return new BigDecimal(fields[17].replace(',', '.'));
  }

  private static BigDecimal sumOf(List<Group> rows, String column) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Group g : rows) {
      if (g.getFieldRepetitionCount(column) > 0) {
        sum = sum.add(new BigDecimal(BigInteger.valueOf(g.getLong(column, 0)), 4));
      }
    }
    return sum;
  }

  private static Set<String> hashes(List<Group> rows) {
    Set<String> hashes = new java.util.TreeSet<>();
    rows.forEach(g -> hashes.add(g.getString("record_hash", 0)));
    return hashes;
  }

  static List<Group> readTable(Path lake, String table) throws IOException {
    Path snapshot = LakeLayout.currentSnapshot(lake, table).orElseThrow();
    List<Group> rows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(snapshot)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        try (ParquetReader<Group> reader =
            ParquetReader.builder(
                    new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
                .build()) {
          for (Group g = reader.read(); g != null; g = reader.read()) {
            rows.add(g);
          }
        }
      }
    }
    return rows;
  }

  record FileRow(String status, long read, long accepted, long quarantined, long duplicate) {}

  private static Map<String, FileRow> runFiles(DatabaseSettings db, String runId)
      throws SQLException {
    Map<String, FileRow> rows = new HashMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select file_name, status, records_read, records_accepted, records_quarantined,"
                    + " records_duplicate from run_files where run_id = '"
                    + runId
                    + "'")) {
      while (rs.next()) {
        rows.put(
            rs.getString(1),
            new FileRow(
                rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
      }
    }
    return rows;
  }

  private static long longValue(DatabaseSettings db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private static Map<String, Long> quarantineReasons(DatabaseSettings db, String runId)
      throws SQLException {
    Map<String, Long> reasons = new HashMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select reason, sum(records) from run_quarantine_reasons where run_id = '"
                    + runId
                    + "' group by reason")) {
      while (rs.next()) {
        reasons.put(rs.getString(1), rs.getLong(2));
      }
    }
    return reasons;
  }
}
