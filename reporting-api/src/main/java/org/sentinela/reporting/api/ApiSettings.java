package org.sentinela.reporting.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import org.sentinela.reporting.db.DatabaseSettings;

/**
 * Everything the API reads from its environment.
 *
 * <ul>
 *   <li>{@code SENTINELA_DB_URL}, {@code SENTINELA_DB_USER}, {@code SENTINELA_DB_PASSWORD}: the
 *       reporting PostgreSQL ({@link DatabaseSettings#fromEnvironment}); the URL is required.
 *   <li>{@code SENTINELA_API_PORT}: HTTP port, default {@value #DEFAULT_PORT} (0 picks a free one).
 *   <li>{@code SENTINELA_API_ADDRESS}: address to bind, default {@value #DEFAULT_ADDRESS}.
 * </ul>
 *
 * <p>They become Spring's default properties, so a {@code --server.port=…} argument still wins.
 */
public record ApiSettings(int port, String address, DatabaseSettings database) {

  public static final String PORT_VARIABLE = "SENTINELA_API_PORT";
  public static final String ADDRESS_VARIABLE = "SENTINELA_API_ADDRESS";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_ADDRESS = "127.0.0.1";

  public ApiSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          PORT_VARIABLE + " must be a TCP port between 0 and 65535, got '" + port + "'");
    }
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(database, "database");
  }

  /**
   * Reads the settings from {@code env}.
   *
   * @throws IllegalArgumentException naming the variable and its value when one is missing or wrong
   */
  public static ApiSettings fromEnvironment(Map<String, String> env) {
    DatabaseSettings database =
        DatabaseSettings.fromEnvironment(env)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        DatabaseSettings.URL_VARIABLE
                            + " is not set. Start the API with `scripts/sentinela serve`, which"
                            + " provides the embedded reporting database, or set "
                            + DatabaseSettings.URL_VARIABLE
                            + " (and "
                            + DatabaseSettings.USER_VARIABLE
                            + ", "
                            + DatabaseSettings.PASSWORD_VARIABLE
                            + ") to a migrated reporting PostgreSQL."));
    return new ApiSettings(
        port(env.get(PORT_VARIABLE)), address(env.get(ADDRESS_VARIABLE)), database);
  }

  /** These settings as Spring Boot properties. */
  public Map<String, Object> springProperties() {
    return Map.of(
        "server.port", port,
        "server.address", address,
        "spring.datasource.url", database.url(),
        "spring.datasource.username", database.user(),
        "spring.datasource.password", database.password());
  }

  private static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          PORT_VARIABLE + " must be a TCP port between 0 and 65535, got '" + value + "'", e);
    }
  }

  private static String address(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_ADDRESS;
    }
    try {
      InetAddress.getByName(value.strip());
      return value.strip();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          ADDRESS_VARIABLE
              + " must be an IP address or host name of this machine, got '"
              + value
              + "'",
          e);
    }
  }
}
