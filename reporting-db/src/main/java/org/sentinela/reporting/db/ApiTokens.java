package org.sentinela.reporting.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reporting API's bearer tokens (table {@code api_tokens}, migration V7): an analyst's token is
 * {@value #PREFIX} and 43 URL-safe base64 characters (256 random bits); only its SHA-256 is stored,
 * so the token is shown once, when it is created.
 */
public final class ApiTokens {

  /** What every token starts with, so a leaked one is easy to recognise. */
  public static final String PREFIX = "sntl_";

  private static final Pattern TOKEN = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
  private static final Pattern ANALYST = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {}

  /** A token just created: {@code token} is shown once and stored nowhere. */
  public record Created(long id, String analyst, String token) {}

  /** A stored token, without its hash; {@code revokedAt} is null while it is live. */
  public record Token(long id, String analyst, Instant createdAt, Instant revokedAt) {

    public Token {
      Objects.requireNonNull(analyst, "analyst");
      Objects.requireNonNull(createdAt, "createdAt");
    }
  }

  /**
   * Creates a token for {@code analyst} and returns it; the database keeps only its SHA-256.
   *
   * @throws IllegalArgumentException when the analyst's name is not acceptable
   */
  public static Created create(DatabaseSettings db, String analyst) throws SQLException {
    checkAnalyst(analyst);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "insert into api_tokens (analyst, token_sha256) values (?, ?) returning token_id")) {
      s.setString(1, analyst);
      s.setBytes(2, sha256(token));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new Created(rs.getLong(1), analyst, token);
      }
    }
  }

  /**
   * Revokes the token with this id (a token already revoked keeps its first revocation time).
   *
   * @return the token as it now is; empty when no token has that id
   */
  public static Optional<Token> revoke(DatabaseSettings db, long id) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "update api_tokens set revoked_at = coalesce(revoked_at, now())"
                    + " where token_id = ? returning token_id, analyst, created_at, revoked_at")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(token(rs)) : Optional.empty();
      }
    }
  }

  /** Every token, oldest first, without hashes. */
  public static List<Token> list(DatabaseSettings db) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select token_id, analyst, created_at, revoked_at from api_tokens"
                    + " order by token_id");
        ResultSet rs = s.executeQuery()) {
      List<Token> tokens = new ArrayList<>();
      while (rs.next()) {
        tokens.add(token(rs));
      }
      return tokens;
    }
  }

  /** True when {@code text} has the shape of a token this class creates. */
  public static boolean wellFormed(String text) {
    return text != null && TOKEN.matcher(text).matches();
  }

  /** The SHA-256 of the token's UTF-8 text: what {@code api_tokens.token_sha256} holds. */
  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Checks an analyst's name: 1 to 64 letters, digits, {@code .}, {@code _}, {@code @} or {@code
   * -}.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static String checkAnalyst(String analyst) {
    if (analyst == null || !ANALYST.matcher(analyst).matches()) {
      throw new IllegalArgumentException(
          "the analyst's name must be 1 to 64 letters, digits, '.', '_', '@' or '-', got '"
              + analyst
              + "'");
    }
    return analyst;
  }

  private static Token token(ResultSet rs) throws SQLException {
    OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
    return new Token(
        rs.getLong("token_id"),
        rs.getString("analyst"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        revoked == null ? null : revoked.toInstant());
  }
}
