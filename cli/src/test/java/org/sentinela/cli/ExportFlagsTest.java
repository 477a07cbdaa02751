package org.sentinela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/** {@code export flags} against a real PostgreSQL holding published runs. */
class ExportFlagsTest {

  /** A synthetic CPF with valid check digits; never a real person's. */
  private static final String CPF = "12345678909";

  private static final String CPF_PUNCTUATED = "123.456.789-09";
  private static final String CPF_MASKED = "***.456.789-**";
  private static final String CNPJ = "11222333000181";
  private static final String AWKWARD_OBJECT =
      "Aquisição de material; \"limpeza\", copa\r\ne cozinha\nlinha 3";

  private static final Instant LATEST_PUBLISHED = Instant.parse("2026-03-02T06:00:00Z");
  private static final Instant FIRST_SEEN = Instant.parse("2026-03-01T06:00:00Z");

  private static DatabaseSettings db;

  @TempDir Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void publishRuns() throws SQLException {
    db = TestPostgres.migratedDatabase();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      run(c, "run-empty", Instant.parse("2026-02-28T06:00:00Z"));
      run(c, "run-old", FIRST_SEEN);
      run(c, "run-new", LATEST_PUBLISHED);
      run(c, "run-running", null);
      flag(c, "run-old", "VALUE_OUTLIER|1", 7.25, null, null, CNPJ, "CNPJ", "Reforma", "old");
      flag(
          c,
          "run-new",
          "VALUE_OUTLIER|2",
          9.5,
          0.0001,
          0.0012,
          CPF,
          "CPF",
          AWKWARD_OBJECT,
          "Supplier " + CPF_PUNCTUATED + " (" + CPF + ") is 9.5 deviations above the median.");
      flag(
          c,
          "run-new",
          "AMENDMENT_OVER_LIMIT|1",
          9.5,
          0.02,
          0.04,
          CNPJ,
          "CNPJ",
          "Obra, fase 2",
          "Final value is 80% above the initial value.");
      flag(c, "run-new", "VALUE_OUTLIER|1", 3.75, null, null, CNPJ, "CNPJ", "Reforma", "low");
      c.commit();
    }
  }

  @Test
  void writesTheLatestRunAsCsvWithCpfsMaskedAndAwkwardTextQuoted() {
    int exit = export();

    assertThat(exit).as(text(err)).isZero();
    String csv = text(out);
    List<List<String>> rows = parseCsv(csv);
    assertThat(rows.get(0)).isEqualTo(ExportedFlag.COLUMNS);
    List<Map<String, String>> flags = records(rows);
    assertThat(flags)
        .extracting(f -> f.get("anomaly_id"))
        // most severe first: both HIGH flags (the stronger q-value first), then the LOW one
        .containsExactly("VALUE_OUTLIER|2", "AMENDMENT_OVER_LIMIT|1", "VALUE_OUTLIER|1");
    assertThat(flags).extracting(f -> f.get("run_id")).containsOnly("run-new");

    Map<String, String> person = flags.get(0);
    assertThat(person.get("supplier_id")).isEqualTo(CPF_MASKED);
    assertThat(person.get("supplier_kind")).isEqualTo("CPF");
    assertThat(person.get("explanation"))
        .isEqualTo(
            "Supplier " + CPF_MASKED + " (" + CPF_MASKED + ") is 9.5 deviations above the median.");
    assertThat(person.get("object_text")).isEqualTo(AWKWARD_OBJECT);
    assertThat(person.get("score")).isEqualTo("9.5");
    assertThat(person.get("p_value")).isEqualTo("0.0001");
    assertThat(person.get("q_value")).isEqualTo("0.0012");
    assertThat(person.get("final_value")).isEqualTo("99999999999999.9999");
    assertThat(person.get("initial_value")).isEqualTo("1234.5000");
    assertThat(person.get("signature_date")).isEqualTo("2026-01-15");
    assertThat(person.get("first_seen_at")).isEqualTo(FIRST_SEEN.toString());
    assertThat(csv).doesNotContain(CPF, CPF_PUNCTUATED);

    Map<String, String> company = flags.get(1);
    assertThat(company.get("supplier_id")).isEqualTo(CNPJ);
    assertThat(company.get("object_text")).isEqualTo("Obra, fase 2");
    assertThat(company.get("contract_number")).isEqualTo("AMENDMENT_OVER_LIMIT|1/2026");
    assertThat(company.get("unit_code")).isEqualTo("153080");
    assertThat(company.get("buyer_uf")).isEqualTo("SP");
    assertThat(company.get("severity")).isEqualTo("HIGH");
    assertThat(flags.get(2).get("p_value")).isEmpty();
    assertThat(flags.get(2).get("q_value")).isEmpty();
    assertThat(flags.get(2).get("severity")).isEqualTo("LOW");

    assertThat(csv).startsWith("anomaly_id,run_id,detector,");
    assertThat(csv.split("\r\n", -1)[0]).doesNotContain("\n");
    assertThat(csv)
        .contains("\"Aquisição de material; \"\"limpeza\"\", copa\r\ne cozinha\nlinha 3\"");
    assertThat(csv).endsWith("\r\n");
  }

  @Test
  void writesJsonLinesThatParseBack() throws Exception {
    int exit = export("--run", "run-new", "--format", "json");

    assertThat(exit).as(text(err)).isZero();
    String[] lines = text(out).split("\n");
    assertThat(lines).hasSize(3);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> flags = new ArrayList<>();
    for (String line : lines) {
      flags.add(json.readTree(line));
    }
    JsonNode person = flags.get(0);
    assertThat(person.get("anomaly_id").asText()).isEqualTo("VALUE_OUTLIER|2");
    assertThat(person.get("supplier_id").asText()).isEqualTo(CPF_MASKED);
    assertThat(person.get("object_text").asText()).isEqualTo(AWKWARD_OBJECT);
    assertThat(person.get("score").isNumber()).isTrue();
    assertThat(person.get("score").asDouble()).isEqualTo(9.5);
    assertThat(person.get("q_value").asDouble()).isEqualTo(0.0012);
    assertThat(person.get("final_value").asText()).isEqualTo("99999999999999.9999");
    assertThat(person.get("first_seen_at").asText()).isEqualTo(FIRST_SEEN.toString());
    assertThat(flags.get(2).get("p_value").isNull()).isTrue();
    assertThat(flags.get(1).get("supplier_id").asText()).isEqualTo(CNPJ);
    List<String> keys = new ArrayList<>();
    flags.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isEqualTo(ExportedFlag.COLUMNS);
    assertThat(text(out)).doesNotContain(CPF, CPF_PUNCTUATED);
  }

  @Test
  void anOlderRunHasEmptySignificance() {
    int exit = export("--run", "run-old");

    assertThat(exit).as(text(err)).isZero();
    List<Map<String, String>> flags = records(parseCsv(text(out)));
    assertThat(flags).hasSize(1);
    assertThat(flags.get(0).get("run_id")).isEqualTo("run-old");
    assertThat(flags.get(0).get("score")).isEqualTo("7.25");
    assertThat(flags.get(0).get("p_value")).isEmpty();
  }

  @Test
  void aRunWithoutFlagsGivesTheHeaderOnly() {
    int exit = export("--run", "run-empty");

    assertThat(exit).as(text(err)).isZero();
    assertThat(text(out)).isEqualTo(String.join(",", ExportedFlag.COLUMNS) + "\r\n");
  }

  @Test
  void anUnknownRunIsAnErrorWithNothingOnStandardOutput() {
    int exit = export("--run", "no-such-run");

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("sentinela export flags:", "no run 'no-such-run'");
    assertThat(out.size()).isZero();
  }

  @Test
  void aRunNeverPublishedIsAnError() {
    int exit = export("--run", "run-running", "--format", "json");

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("run 'run-running' is RUNNING and was never published");
    assertThat(out.size()).isZero();
  }

  @Test
  void nothingPublishedYetIsAnError() {
    DatabaseSettings empty = TestPostgres.migratedDatabase();

    int exit = run(environment(empty), "export", "flags");

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("no run is published yet");
    assertThat(out.size()).isZero();
  }

  @Test
  void aBadFormatNamesTheValueBeforeTheDatabaseStarts() {
    int exit = run(Map.of("SENTINELA_HOME", home.toString()), "export", "flags", "--format", "xls");

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("--format must be csv or json, got 'xls'");
    assertThat(home.resolve("postgres")).doesNotExist();
  }

  private int export(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "export";
    all[1] = "flags";
    System.arraycopy(args, 0, all, 2, args.length);
    return run(environment(db), all);
  }

  private Map<String, String> environment(DatabaseSettings database) {
    Map<String, String> env = new HashMap<>(database.asEnvironment());
    env.put("SENTINELA_HOME", home.toString());
    return env;
  }

  private int run(Map<String, String> env, String... args) {
    return Sentinela.execute(
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }

  /** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
  private static List<List<String>> parseCsv(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(field).as("text after the last CRLF").isEmpty();
    return rows;
  }

  private static List<Map<String, String>> records(List<List<String>> rows) {
    List<String> header = rows.get(0);
    List<Map<String, String>> records = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row).hasSameSizeAs(header);
      Map<String, String> record = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        record.put(header.get(i), row.get(i));
      }
      records.add(record);
    }
    return records;
  }

  private static void run(Connection c, String runId, Instant publishedAt) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into runs (run_id, started_at, status, published_at) values (?, ?, ?, ?)")) {
      s.setString(1, runId);
      s.setTimestamp(2, Timestamp.from(Instant.parse("2026-03-01T02:00:00Z")));
      s.setString(3, publishedAt == null ? "RUNNING" : "SUCCEEDED");
      s.setTimestamp(4, publishedAt == null ? null : Timestamp.from(publishedAt));
      s.executeUpdate();
    }
  }

  /** One flag; its anomaly history starts at run-old's publication. */
  private static void flag(
      Connection c,
      String runId,
      String anomalyId,
      double score,
      Double pValue,
      Double qValue,
      String supplierId,
      String supplierKind,
      String objectText,
      String explanation)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into anomalies (run_id, anomaly_id, detector, natural_key, contract_number,"
                + " unit_code, unit_name, buyer_uf, supplier_id, supplier_kind, supplier_name,"
                + " modality, object_text, signature_date, initial_value, final_value, score,"
                + " p_value, q_value, severity, threshold, threshold_version, evidence,"
                + " explanation) values (?, ?, ?, ?, ?, '153080', 'Unidade Exemplo', 'SP', ?, ?,"
                + " ?, 'PREGAO', ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, '{}'::jsonb, ?)")) {
      int col = 1;
      s.setString(col++, runId);
      s.setString(col++, anomalyId);
      s.setString(col++, anomalyId.substring(0, anomalyId.indexOf('|')));
      s.setString(col++, anomalyId);
      s.setString(col++, anomalyId + "/2026");
      s.setString(col++, supplierId);
      s.setString(col++, supplierKind);
      s.setString(col++, supplierKind.equals("CPF") ? "Maria Exemplo" : "Construtora Exemplo");
      s.setString(col++, objectText);
      s.setObject(col++, LocalDate.of(2026, 1, 15));
      s.setBigDecimal(col++, new BigDecimal("1234.5000"));
      s.setBigDecimal(
          col++,
          supplierKind.equals("CPF") ? new BigDecimal("99999999999999.9999") : BigDecimal.TEN);
      s.setDouble(col++, score);
      s.setObject(col++, pValue, Types.DOUBLE);
      s.setObject(col++, qValue, Types.DOUBLE);
      s.setString(col++, score > 9 ? "HIGH" : "LOW");
      s.setString(col++, explanation);
      s.executeUpdate();
    }
    try (PreparedStatement h =
        c.prepareStatement(
            "insert into anomaly_history (anomaly_id, first_seen_run, first_seen_at,"
                + " last_seen_run, last_seen_at) values (?, 'run-old', ?, ?, ?)"
                + " on conflict (anomaly_id) do update set last_seen_run = excluded.last_seen_run,"
                + " last_seen_at = excluded.last_seen_at")) {
      h.setString(1, anomalyId);
      h.setTimestamp(2, Timestamp.from(FIRST_SEEN));
      h.setString(3, runId);
      h.setTimestamp(4, Timestamp.from(LATEST_PUBLISHED));
      h.executeUpdate();
    }
  }
}
