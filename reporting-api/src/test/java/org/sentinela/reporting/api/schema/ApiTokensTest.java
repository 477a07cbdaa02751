package org.sentinela.reporting.api.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.reporting.api.PublishedRunsFixture;
import org.sentinela.reporting.db.ApiTokens;
import org.sentinela.reporting.db.DatabaseSettings;

/**
 * The API tokens of migration V7 and {@link ApiTokens}: only a token's SHA-256 is stored, no group
 * role reads or writes the table, and the feedback writer checks a token through {@code
 * api_token_analyst}, which knows live tokens only.
 */
class ApiTokensTest {

  private static final PublishedRunsFixture FIXTURE = PublishedRunsFixture.shared();
  private static final DatabaseLogins LOGINS = new DatabaseLogins();

  @AfterAll
  static void dropLogins() {
    LOGINS.dropAll();
  }

  @Test
  void aTokenIsShownOnceAndOnlyItsHashIsStored() throws SQLException {
    String analyst = newAnalyst();
    ApiTokens.Created created = ApiTokens.create(FIXTURE.db(), analyst);
    ApiTokens.Created second = ApiTokens.create(FIXTURE.db(), analyst);

    assertThat(ApiTokens.wellFormed(created.token())).isTrue();
    assertThat(created.token()).startsWith(ApiTokens.PREFIX).hasSize(48);
    assertThat(second.token()).isNotEqualTo(created.token());
    assertThat(second.id()).isGreaterThan(created.id());
    try (Connection c = FIXTURE.db().connect();
        PreparedStatement s =
            c.prepareStatement(
                "select t::text, token_sha256 = ? as hashed from api_tokens t where token_id = ?")) {
      s.setBytes(1, ApiTokens.sha256(created.token()));
      s.setLong(2, created.id());
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean("hashed")).isTrue();
        assertThat(rs.getString(1))
            .contains(analyst)
            .doesNotContain(created.token().substring(ApiTokens.PREFIX.length()));
      }
    }
  }

  @Test
  void revokingKeepsTheTokenWithItsFirstRevocationTime() throws SQLException {
    ApiTokens.Created created = ApiTokens.create(FIXTURE.db(), newAnalyst());

    ApiTokens.Token revoked = ApiTokens.revoke(FIXTURE.db(), created.id()).orElseThrow();
    ApiTokens.Token again = ApiTokens.revoke(FIXTURE.db(), created.id()).orElseThrow();

    assertThat(revoked.revokedAt()).isNotNull().isAfterOrEqualTo(revoked.createdAt());
    assertThat(again.revokedAt()).isEqualTo(revoked.revokedAt());
    assertThat(ApiTokens.revoke(FIXTURE.db(), Long.MAX_VALUE)).isEmpty();
    List<ApiTokens.Token> listed = ApiTokens.list(FIXTURE.db());
    assertThat(listed).extracting(ApiTokens.Token::id).contains(created.id()).isSorted();
    assertThat(listed.stream().filter(t -> t.id() == created.id()).findFirst().orElseThrow())
        .isEqualTo(revoked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ana maria", "ana'; drop table api_tokens; --", "çá", "ana\n"})
  void anAnalystNameMustBeAShortPlainName(String name) {
    assertThatThrownBy(() -> ApiTokens.create(FIXTURE.db(), name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + name + "'");
  }

  @Test
  void anAnalystNameHasAtMost64Characters() {
    assertThat(ApiTokens.checkAnalyst("a.b_c@d-" + "x".repeat(56))).hasSize(64);
    assertThatThrownBy(() -> ApiTokens.checkAnalyst("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTableRefusesABadNameEvenWithoutTheJavaCheck() throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.execute(
                      "insert into api_tokens (analyst, token_sha256)"
                          + " values ('ana maria', sha256('x'::bytea))"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("check constraint");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sentinela_reader",
        "sentinela_feedback_writer",
        "sentinela_pipeline",
        "sentinela_viewer"
      })
  void noGroupRoleReadsOrWritesTheTokens(String role) throws SQLException {
    DatabaseSettings login = LOGINS.loginIn(role, FIXTURE.db());
    try (Connection c = login.connect();
        Statement s = c.createStatement()) {
      assertDenied(s, "select count(*) from api_tokens");
      assertDenied(
          s, "insert into api_tokens (analyst, token_sha256) values ('eve', sha256('x'::bytea))");
      assertDenied(s, "update api_tokens set revoked_at = null");
    }
  }

  @Test
  void theFeedbackWriterKnowsLiveTokensOnly() throws SQLException {
    String analyst = newAnalyst();
    ApiTokens.Created live = ApiTokens.create(FIXTURE.db(), analyst);
    ApiTokens.Created revoked = ApiTokens.create(FIXTURE.db(), analyst);
    ApiTokens.revoke(FIXTURE.db(), revoked.id());
    DatabaseSettings writer = LOGINS.loginIn("sentinela_feedback_writer", FIXTURE.db());

    try (Connection c = writer.connect();
        PreparedStatement s = c.prepareStatement("select api_token_analyst(?)")) {
      assertThat(analystOf(s, live.token())).isEqualTo(analyst);
      assertThat(analystOf(s, revoked.token())).isNull();
      assertThat(analystOf(s, ApiTokens.PREFIX + "A".repeat(43))).isNull();
    }
  }

  @Test
  void aReaderMayNotCheckTokens() throws SQLException {
    DatabaseSettings reader = LOGINS.loginIn("sentinela_reader", FIXTURE.db());
    try (Connection c = reader.connect();
        Statement s = c.createStatement()) {
      assertDenied(s, "select api_token_analyst(sha256('x'::bytea))");
    }
  }

  @Test
  void grantingAgainKeepsTheTokensClosed() throws SQLException {
    try (Connection c = FIXTURE.db().connect();
        Statement s = c.createStatement()) {
      s.execute("select sentinela_grant_privileges()");
    }
    DatabaseSettings reader = LOGINS.loginIn("sentinela_reader", FIXTURE.db());
    try (Connection c = reader.connect();
        Statement s = c.createStatement()) {
      assertDenied(s, "select count(*) from api_tokens");
      s.executeQuery("select count(*) from current_flags_masked").close();
    }
  }

  private static String analystOf(PreparedStatement s, String token) throws SQLException {
    s.setBytes(1, ApiTokens.sha256(token));
    try (ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String newAnalyst() {
    return "tokens-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
  }

  private static void assertDenied(Statement s, String sql) {
    assertThatThrownBy(() -> s.execute(sql))
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501"));
  }
}
