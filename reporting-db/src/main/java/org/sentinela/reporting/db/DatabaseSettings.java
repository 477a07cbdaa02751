package org.sentinela.reporting.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * How to reach the reporting PostgreSQL: a JDBC URL and credentials.
 *
 * <p>Read from the environment: {@code SENTINELA_DB_URL} (a {@code jdbc:postgresql://} URL), {@code
 * SENTINELA_DB_USER} and {@code SENTINELA_DB_PASSWORD}. When {@code SENTINELA_DB_URL} is unset,
 * Sentinela uses its embedded PostgreSQL instead.
 */
public record DatabaseSettings(String url, String user, String password) {

  public static final String URL_VARIABLE = "SENTINELA_DB_URL";
  public static final String USER_VARIABLE = "SENTINELA_DB_USER";
  public static final String PASSWORD_VARIABLE = "SENTINELA_DB_PASSWORD";

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          URL_VARIABLE + " must be a jdbc:postgresql:// URL, got '" + url + "'");
    }
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
  }

  /**
   * The external database named by the environment, if any.
   *
   * @throws IllegalArgumentException naming the variable when the URL is not a PostgreSQL URL or
   *     the user is missing
   */
  public static Optional<DatabaseSettings> fromEnvironment(Map<String, String> env) {
    String url = env.get(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String user = env.get(USER_VARIABLE);
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException(
          USER_VARIABLE + " must be set when " + URL_VARIABLE + " is set (" + url + ")");
    }
    return Optional.of(new DatabaseSettings(url.strip(), user.strip(), env.get(PASSWORD_VARIABLE)));
  }

  /** These settings as the three environment variables, to hand to a child process. */
  public Map<String, String> asEnvironment() {
    return Map.of(URL_VARIABLE, url, USER_VARIABLE, user, PASSWORD_VARIABLE, password);
  }

  /** Opens a new connection. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    return DriverManager.getConnection(url, props);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***]";
  }
}
