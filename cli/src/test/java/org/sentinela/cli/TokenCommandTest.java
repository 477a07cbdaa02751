package org.sentinela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.reporting.db.ApiTokens;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/**
 * {@code sentinela token create | revoke | list} against a real PostgreSQL: the token is printed
 * once, only its hash is stored, revoking stops it, and mistakes are named.
 */
class TokenCommandTest {

  private static final Pattern CREATED =
      Pattern.compile("Token (\\d+) for analyst (\\S+)\\..*\\n(sntl_[A-Za-z0-9_-]{43})\\n");

  private static DatabaseSettings db;

  @TempDir Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void database() {
    db = TestPostgres.migratedDatabase();
  }

  @Test
  void createPrintsATokenOnceAndStoresOnlyItsHash() throws SQLException {
    int exit = run("token", "create", "--analyst", "ana.souza");

    assertThat(exit).as(text(err)).isZero();
    Matcher created = CREATED.matcher(text(out));
    assertThat(created.find()).as(text(out)).isTrue();
    assertThat(created.group(2)).isEqualTo("ana.souza");
    String token = created.group(3);
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement("select api_token_analyst(?)")) {
      s.setBytes(1, ApiTokens.sha256(token));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ana.souza");
      }
    }
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select string_agg(t::text, ' ') from api_tokens t")) {
      rs.next();
      assertThat(rs.getString(1)).doesNotContain(token.substring(ApiTokens.PREFIX.length()));
    }
  }

  @Test
  void revokeStopsTheTokenAndListShowsIt() throws SQLException {
    run("token", "create", "--analyst", "bruno");
    Matcher created = CREATED.matcher(text(out));
    assertThat(created.find()).isTrue();
    String id = created.group(1);
    out.reset();

    int exit = run("token", "revoke", id);

    assertThat(exit).as(text(err)).isZero();
    assertThat(text(out)).contains("Token " + id + " of analyst bruno is revoked");
    assertThat(ApiTokens.list(db))
        .filteredOn(t -> t.id() == Long.parseLong(id))
        .singleElement()
        .satisfies(t -> assertThat(t.revokedAt()).isNotNull());
    out.reset();

    assertThat(run("token", "list")).isZero();
    assertThat(text(out))
        .contains("analyst", "revoked")
        .containsPattern("(?m)^\\s+" + id + "\\s+bruno\\s+\\S+\\s+\\d{4}-")
        .doesNotContain("sntl_");
  }

  @Test
  void aBadAnalystNameIsRefusedBeforeAnythingStarts() {
    int exit = run("token", "create", "--analyst", "ana maria");

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("'ana maria'");
    assertThat(home.resolve("postgres")).doesNotExist();
  }

  @Test
  void aMissingAnalystIsAUsageError() {
    int exit = run("token", "create");

    assertThat(exit).isEqualTo(Sentinela.USAGE);
    assertThat(text(err)).contains("--analyst");
  }

  @Test
  void revokingAnUnknownTokenSaysSo() {
    int exit = run("token", "revoke", "987654");

    assertThat(exit).isEqualTo(1);
    assertThat(text(err)).contains("no token 987654");
  }

  private int run(String... args) {
    Map<String, String> env = new HashMap<>(db.asEnvironment());
    env.put("SENTINELA_HOME", home.toString());
    return Sentinela.execute(
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
