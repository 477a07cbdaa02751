package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.ingest.portal.AmendmentFixtures;
import org.sentinela.ingest.portal.PortalAmendmentFormat;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.model.LakeLayout;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/** TermoAditivo files, loose and inside the Portal's monthly zip, into the amendment tables. */
class AmendmentIngestJobTest {

  private static final Path SAMPLE = Path.of("..", "data", "sample", "portal");
  private static final Path SLICES =
      Path.of("src", "test", "resources", "org", "sentinela", "ingest", "portal");
  private static final String APOSTILAMENTO_HEADER =
      "\"Número Contrato\";\"Código Órgão Superior\";\"Nome Órgão Superior\";\"Código Órgão\";"
          + "\"Nome Órgão\";\"Código UG\";\"Nome UG\";\"Número Apostilamento\";"
          + "\"Descrição Apostilamento\";\"Valor Apostilamento\";\"Data de inclusão\";"
          + "\"Situação Apostilamento\"";

  @TempDir Path work;

  @Test
  void amendmentsBalancePerFileAndAreCountedPerContract() throws Exception {
    // given: a real month's contracts and amendments, the Portal's monthly zip (CRLF, as the
    // Portal serves it), a file of crafted bad amendments and a header-only Apostilamento file
    Path input = Files.createDirectories(work.resolve("inbox-1"));
    Files.copy(SAMPLE.resolve("202105_Compras.csv"), input.resolve("202105_Compras.csv"));
    Files.copy(SLICES.resolve("202105_TermoAditivo.csv"), input.resolve("202105_TermoAditivo.csv"));
    zip(input.resolve("202209.zip"));
    List<String> crafted = craftedAmendments();
    writeLatin1(input.resolve("202112_TermoAditivo.csv"), crafted);
    writeLatin1(input.resolve("202105_Apostilamento.csv"), List.of(APOSTILAMENTO_HEADER));
    Path lake = work.resolve("lake");
    DatabaseSettings db = TestPostgres.migratedDatabase();

    // when
    int exit = BatchJobsApplication.run(new IngestOptions(input, lake, "am-1"), db);

    // then: every amendment file balances against an independent count of its lines
    assertThat(exit).isZero();
    List<String> may = dataLines(SLICES.resolve("202105_TermoAditivo.csv"));
    List<String> september = dataLines(SLICES.resolve("202209_TermoAditivo.csv"));
    Map<String, FileRow> files = runFiles(db, "am-1");
    assertThat(files.get("202105_TermoAditivo.csv")).isEqualTo(balanced(may));
    assertThat(files.get("202209.zip!202209_TermoAditivo.csv")).isEqualTo(balanced(september));
    assertThat(files.get("202112_TermoAditivo.csv"))
        .isEqualTo(new FileRow("PORTAL_TERMO_ADITIVO", "INGESTED", 10, 3, 6, 1));
    assertThat(files.get("202105_Apostilamento.csv").status()).isEqualTo("IGNORED");
    assertThat(files.get("202105_Compras.csv").source()).isEqualTo("PORTAL_COMPRAS");
    assertThat(quarantineReasons(db, "am-1", "202112_TermoAditivo.csv"))
        .containsOnly(
            Map.entry("MALFORMED_LINE", 1L),
            Map.entry("MISSING_CONTRACT_NUMBER", 1L),
            Map.entry("MISSING_UNIT_CODE", 1L),
            Map.entry("MISSING_AMENDMENT_NUMBER", 1L),
            Map.entry("MISSING_PUBLICATION_DATE", 1L),
            Map.entry("INVALID_DATE", 1L));

    // and the amendment table holds the distinct rows, each in its publication month
    List<String> accepted = new ArrayList<>(new LinkedHashSet<>(may));
    accepted.addAll(new LinkedHashSet<>(september));
    accepted.addAll(List.of(crafted.get(1), crafted.get(9), crafted.get(10)));
    assertThat(IngestJobTest.readTable(lake, LakeLayout.AMENDMENTS)).hasSize(accepted.size());
    assertThat(
            DuckDb.longValue(
                "select count(*) from "
                    + DuckDb.table(lake, LakeLayout.AMENDMENTS)
                    + " where pub_year <> year(publication_date)"
                    + " or pub_month <> month(publication_date)"))
        .as("rows outside their publication partition")
        .isZero();
    assertThat(IngestJobTest.readTable(lake, LakeLayout.QUARANTINE))
        .filteredOn(g -> g.getString("source", 0).equals("PORTAL_TERMO_ADITIVO"))
        .hasSize(6);

    // and the per-contract counts are those of the accepted lines
    assertThat(countsInLake(lake)).isEqualTo(expectedCounts(accepted));
    assertThat(countsInLake(lake).get("153052|9001")).isEqualTo(List.of(2L, 3L));
    // which join to the contracts the Compras files publish
    assertThat(
            DuckDb.longValue(
                "select count(*) from "
                    + DuckDb.table(lake, LakeLayout.CONTRACTS)
                    + " c join "
                    + DuckDb.table(lake, LakeLayout.CONTRACT_AMENDMENT_COUNTS)
                    + " k using (unit_code, contract_number)"))
        .isEqualTo(contractsWithAmendments(accepted));

    // when: the next night brings only a corrected crafted file with one more amendment
    Path second = Files.createDirectories(work.resolve("inbox-2"));
    List<String> corrected = new ArrayList<>(crafted);
    corrected.add(AmendmentFixtures.line("9001", "153052", "000032022", "01/03/2022"));
    writeLatin1(second.resolve("202112_TermoAditivo.csv"), corrected);
    assertThat(BatchJobsApplication.run(new IngestOptions(second, lake, "am-2"), db)).isZero();

    // then: only that file is read again, the others are carried over and the counts follow
    assertThat(runFiles(db, "am-2").keySet()).containsExactly("202112_TermoAditivo.csv");
    assertThat(IngestJobTest.readTable(lake, LakeLayout.AMENDMENTS)).hasSize(accepted.size() + 1);
    assertThat(countsInLake(lake).get("153052|9001")).isEqualTo(List.of(3L, 4L));
    assertThat(Files.readString(lake.resolve("contract_amendment_counts/CURRENT")).strip())
        .isEqualTo("am-2");
  }

  /** Ten lines: 3 accepted (two amendments of contract 9001, one republished), 6 bad, 1 copy. */
  private static List<String> craftedAmendments() {
    return List.of(
        PortalAmendmentFormat.headerLine(),
        AmendmentFixtures.line("9001", "153052", "000012021", "03/12/2021"),
        "\"9002\";\"only three\";\"fields\"",
        AmendmentFixtures.line("", "153052", "000012021", "03/12/2021"),
        AmendmentFixtures.line("9003", "", "000012021", "03/12/2021"),
        AmendmentFixtures.line("9004", "153052", "", "03/12/2021"),
        AmendmentFixtures.line("9005", "153052", "000012021", ""),
        AmendmentFixtures.line("9006", "153052", "000012021", "31/11/2021"),
        AmendmentFixtures.line("9001", "153052", "000012021", "03/12/2021"),
        AmendmentFixtures.line(
            "9001", "153052", "000022022", "15/01/2022", "Objetivo: ACRÉSCIMO\u0002DE 25%"),
        AmendmentFixtures.line(
            "9001", "153052", "000012021", "03/12/2021", "Objetivo: REPUBLICAÇÃO"));
  }

  /** Per "unit|contract": distinct amendment numbers and rows, from the raw accepted lines. */
  private static Map<String, List<Long>> expectedCounts(List<String> acceptedLines) {
    Map<String, Set<String>> numbers = new TreeMap<>();
    Map<String, Long> rows = new HashMap<>();
    for (String line : acceptedLines) {
      String[] f = fields(line);
      String key = f[5] + "|" + f[0];
      numbers.computeIfAbsent(key, k -> new HashSet<>()).add(f[7]);
      rows.merge(key, 1L, Long::sum);
    }
    Map<String, List<Long>> counts = new TreeMap<>();
    numbers.forEach((k, n) -> counts.put(k, List.of((long) n.size(), rows.get(k))));
    return counts;
  }

  /** Accepted contract rows of the given Compras files whose key has an amendment. */
  private static long contractsWithAmendments(List<String> acceptedAmendments) throws IOException {
    Set<String> amended = new HashSet<>();
    acceptedAmendments.forEach(l -> amended.add(fields(l)[5] + "|" + fields(l)[0]));
    long n = 0;
    for (String month : List.of("202105", "202209")) {
      for (String line : new LinkedHashSet<>(dataLines(SAMPLE.resolve(month + "_Compras.csv")))) {
        String[] f = fields(line);
        n += amended.contains(f[9] + "|" + f[0]) ? 1 : 0;
      }
    }
    assertThat(n).as("sample contracts with an amendment").isGreaterThan(50);
    return n;
  }

  private static Map<String, List<Long>> countsInLake(Path lake) throws SQLException {
    Map<String, List<Long>> counts = new TreeMap<>();
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select unit_code, contract_number, amendments, amendment_records from "
                    + DuckDb.table(lake, LakeLayout.CONTRACT_AMENDMENT_COUNTS))) {
      while (rs.next()) {
        counts.put(rs.getString(1) + "|" + rs.getString(2), List.of(rs.getLong(3), rs.getLong(4)));
      }
    }
    return counts;
  }

  /** The Portal's monthly zip: Compras, TermoAditivo with CRLF line ends, Apostilamento. */
  private static void zip(Path zip) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("202209_Compras.csv"));
      Files.copy(SAMPLE.resolve("202209_Compras.csv"), out);
      out.putNextEntry(new ZipEntry("202209_TermoAditivo.csv"));
      String lf =
          Files.readString(SLICES.resolve("202209_TermoAditivo.csv"), PortalComprasFormat.CHARSET);
      out.write(lf.replace("\n", "\r\n").getBytes(PortalComprasFormat.CHARSET));
      out.putNextEntry(new ZipEntry("202209_Apostilamento.csv"));
      out.write((APOSTILAMENTO_HEADER + "\r\n").getBytes(PortalComprasFormat.CHARSET));
      out.closeEntry();
    }
  }

  private static FileRow balanced(List<String> lines) {
    int distinct = new LinkedHashSet<>(lines).size();
    return new FileRow(
        "PORTAL_TERMO_ADITIVO", "INGESTED", lines.size(), distinct, 0, lines.size() - distinct);
  }

  private static String[] fields(String line) {
    return line.substring(1, line.length() - 1).split("\";\"", -1);
  }

  private static void writeLatin1(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n", PortalComprasFormat.CHARSET);
  }

  private static List<String> dataLines(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, PortalComprasFormat.CHARSET);
    return lines.subList(1, lines.size());
  }

  record FileRow(
      String source, String status, long read, long accepted, long quarantined, long duplicate) {}

  private static Map<String, FileRow> runFiles(DatabaseSettings db, String runId)
      throws SQLException {
    Map<String, FileRow> rows = new TreeMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select file_name, source, status, records_read, records_accepted,"
                    + " records_quarantined, records_duplicate from run_files where run_id = '"
                    + runId
                    + "' and status <> 'UNCHANGED'")) {
      while (rs.next()) {
        rows.put(
            rs.getString(1),
            new FileRow(
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7)));
      }
    }
    return rows;
  }

  private static Map<String, Long> quarantineReasons(DatabaseSettings db, String runId, String file)
      throws SQLException {
    Map<String, Long> reasons = new HashMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select reason, records from run_quarantine_reasons where run_id = '"
                    + runId
                    + "' and file_name = '"
                    + file
                    + "'")) {
      while (rs.next()) {
        reasons.put(rs.getString(1), rs.getLong(2));
      }
    }
    return reasons;
  }

  /** DuckDB over the current snapshot of a lake table: an independent Parquet reader. */
  private static final class DuckDb {
    static String table(Path lake, String table) {
      Path snapshot = LakeLayout.currentSnapshot(lake, table).orElseThrow();
      return "read_parquet('"
          + snapshot.resolve("**").resolve("*.parquet")
          + "', hive_partitioning = true)";
    }

    static long longValue(String sql) throws SQLException {
      try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }
}
