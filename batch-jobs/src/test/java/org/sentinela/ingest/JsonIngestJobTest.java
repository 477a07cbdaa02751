package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.model.LakeLayout;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/** The ingest job on the JSON sources, beside the Portal CSV, with a truncated file. */
class JsonIngestJobTest {

  private static final Path RESOURCES =
      Path.of("src", "test", "resources", "org", "sentinela", "ingest");
  private static final int PNCP_SLICE_RECORDS = 52;
  private static final int COMPRASGOV_SLICE_RECORDS = 32;

  @TempDir Path work;

  @Test
  void ingestsPncpAndContratosGovBrFilesAndQuarantinesABrokenRecord() throws Exception {
    // given: the two real JSON slices, and a PNCP file cut in the middle of a record
    Path input = Files.createDirectories(work.resolve("inbox"));
    Path pncp = RESOURCES.resolve("pncp").resolve("contratos-slice.json");
    Files.copy(pncp, input.resolve("pncp-contratos.json"));
    Files.copy(
        RESOURCES.resolve("comprasgov").resolve("contratos-slice.json"),
        input.resolve("comprasgov-contratos.json"));
    String text = Files.readString(pncp);
    int cut = text.indexOf("\"numeroControlePNCP\"", text.length() / 2);
    Files.writeString(input.resolve("pncp-truncated.json"), text.substring(0, cut));
    Files.writeString(input.resolve("notes.json"), "{\"hello\": 1}");
    DatabaseSettings db = TestPostgres.migratedDatabase();
    Path lake = work.resolve("lake");

    // when
    int exit = BatchJobsApplication.run(new IngestOptions(input, lake, "json-1"), db);

    // then: both sources balance; the cut file keeps its whole records and quarantines the broken
    // one
    assertThat(exit).isZero();
    Map<String, String> files = accounting(db);
    assertThat(files)
        .containsEntry(
            "pncp-contratos.json",
            "PNCP INGESTED " + PNCP_SLICE_RECORDS + "=" + PNCP_SLICE_RECORDS + "+0+0")
        .containsEntry(
            "comprasgov-contratos.json",
            "CONTRATOS_GOV_BR INGESTED "
                + COMPRASGOV_SLICE_RECORDS
                + "="
                + COMPRASGOV_SLICE_RECORDS
                + "+0+0")
        .containsEntry("notes.json", "UNKNOWN IGNORED 0=0+0+0");
    assertThat(files.get("pncp-truncated.json")).startsWith("PNCP INGESTED ").endsWith("+1+0");

    // and the lake holds them with the buyer's UF from PNCP's own field
    List<Group> rows = IngestJobTest.readTable(lake, LakeLayout.CONTRACTS);
    Map<String, Long> bySource = new TreeMap<>();
    for (Group g : rows) {
      bySource.merge(g.getString("source", 0), 1L, Long::sum);
      if (g.getString("source", 0).equals("PNCP")) {
        assertThat(g.getString("region_method", 0)).isEqualTo("SOURCE_FIELD");
        assertThat(g.getString("buyer_uf", 0)).matches("[A-Z]{2}").isNotEqualTo("BR");
      }
    }
    assertThat(bySource.get("CONTRATOS_GOV_BR")).isEqualTo(COMPRASGOV_SLICE_RECORDS);
    assertThat(bySource.get("PNCP")).isGreaterThan((long) PNCP_SLICE_RECORDS);
    assertThat(IngestJobTest.readTable(lake, LakeLayout.QUARANTINE))
        .extracting(g -> g.getString("reason", 0))
        .containsExactly("MALFORMED_LINE");
  }

  private static Map<String, String> accounting(DatabaseSettings db) throws Exception {
    Map<String, String> rows = new TreeMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select file_name, source, status, records_read, records_accepted,"
                    + " records_quarantined, records_duplicate from run_files"
                    + " where run_id = 'json-1'")) {
      while (rs.next()) {
        rows.put(
            rs.getString(1),
            rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getLong(4)
                + "="
                + rs.getLong(5)
                + "+"
                + rs.getLong(6)
                + "+"
                + rs.getLong(7));
      }
    }
    return rows;
  }
}
