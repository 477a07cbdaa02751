package org.sentinela.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.sentinela.reporting.db.DatabaseSettings;

/**
 * Every setting of the {@code sentinela} command, read once from the environment. Each is
 * documented in {@code docs/configuration.md}; a bad value fails with the variable and the value.
 *
 * @param repo the Sentinela checkout (module builds and the bundled sample live there)
 * @param home all local state: lake, embedded database, logs ({@code SENTINELA_HOME})
 * @param inbox folder {@code nightly} reads when no {@code --input} is given
 * @param externalDatabase the external PostgreSQL, when {@code SENTINELA_DB_URL} is set
 * @param embeddedDatabasePort port of the embedded PostgreSQL, 0 for any free port
 * @param apiPort HTTP port of {@code serve}
 * @param apiAddress address {@code serve} binds to
 * @param sparkMaster Spark master URL for the analytics
 * @param ingestHeap maximum heap of the ingest JVM (a {@code -Xmx} value)
 * @param analyticsHeap maximum heap of the Spark driver JVM (a {@code -Xmx} value)
 */
public record SentinelaSettings(
    Path repo,
    Path home,
    Path inbox,
    Optional<DatabaseSettings> externalDatabase,
    int embeddedDatabasePort,
    int apiPort,
    String apiAddress,
    String sparkMaster,
    String ingestHeap,
    String analyticsHeap) {

  /** Reads the settings; {@code userHome} is where the default home goes. */
  public static SentinelaSettings from(Map<String, String> env, Path repo, Path userHome) {
    Path home = path(env, "SENTINELA_HOME", userHome.resolve(".sentinela"));
    return new SentinelaSettings(
        repo.toAbsolutePath().normalize(),
        home,
        path(env, "SENTINELA_INBOX", home.resolve("inbox")),
        DatabaseSettings.fromEnvironment(env),
        port(env, "SENTINELA_EMBEDDED_DB_PORT", 0),
        port(env, "SENTINELA_API_PORT", 8080),
        env.getOrDefault("SENTINELA_API_ADDRESS", "127.0.0.1"),
        env.getOrDefault("SENTINELA_SPARK_MASTER", "local[*]"),
        heap(env, "SENTINELA_INGEST_HEAP", "512m"),
        heap(env, "SENTINELA_ANALYTICS_HEAP", "2g"));
  }

  /** The lake's root folder. */
  public Path lake() {
    return home.resolve("lake");
  }

  /** Logs of every run. */
  public Path logs() {
    return home.resolve("logs");
  }

  /** Data folder of the embedded PostgreSQL. */
  public Path embeddedDatabaseData() {
    return home.resolve("postgres").resolve("data");
  }

  /** Where the embedded PostgreSQL's binaries are unpacked. */
  public Path embeddedDatabaseBinaries() {
    return home.resolve("postgres").resolve("binaries");
  }

  /** The bundled sample of real Portal da Transparência files. */
  public Path bundledSample() {
    return repo.resolve("data").resolve("sample").resolve("portal");
  }

  private static Path path(Map<String, String> env, String name, Path fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback.toAbsolutePath().normalize();
    }
    return Path.of(value).toAbsolutePath().normalize();
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a port number 0-65535, got '" + value + "'");
  }

  private static String heap(Map<String, String> env, String name, String fallback) {
    String value = env.getOrDefault(name, fallback).strip();
    if (!value.matches("\\d+[kKmMgG]?")) {
      throw new IllegalArgumentException(
          name + " must be a JVM heap size such as 512m or 2g, got '" + value + "'");
    }
    return value;
  }
}
