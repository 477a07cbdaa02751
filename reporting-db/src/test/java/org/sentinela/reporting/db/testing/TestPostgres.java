package org.sentinela.reporting.db.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.ReportingSchema;

/**
 * A real PostgreSQL for tests, one server per test JVM, and a fresh migrated database per call.
 *
 * <p>By default the server is an embedded PostgreSQL (zonky binaries, unpacked under {@code
 * target/}). Set {@code SENTINELA_TEST_DB_URL} to a {@code jdbc:postgresql://host:port/db} URL of
 * an existing server (with {@code SENTINELA_TEST_DB_USER} / {@code SENTINELA_TEST_DB_PASSWORD}, a
 * role allowed to create databases) to run the same tests against it instead.
 */
public final class TestPostgres {

  public static final String URL_VARIABLE = "SENTINELA_TEST_DB_URL";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static DatabaseSettings server;

  private TestPostgres() {}

  /** A new, empty database on the test server with the reporting schema migrated. */
  public static DatabaseSettings migratedDatabase() {
    DatabaseSettings db = emptyDatabase();
    ReportingSchema.migrate(db);
    return db;
  }

  /** A new, empty database on the test server, no migrations applied. */
  public static synchronized DatabaseSettings emptyDatabase() {
    DatabaseSettings admin = server();
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = admin.connect();
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    String url = admin.url().substring(0, admin.url().lastIndexOf('/') + 1) + name;
    return new DatabaseSettings(url, admin.user(), admin.password());
  }

  /** The test server's administrative connection settings, starting it on first use. */
  public static synchronized DatabaseSettings server() {
    if (server == null) {
      String external = System.getenv(URL_VARIABLE);
      if (external != null && !external.isBlank()) {
        server =
            new DatabaseSettings(
                external,
                System.getenv().getOrDefault("SENTINELA_TEST_DB_USER", "postgres"),
                System.getenv("SENTINELA_TEST_DB_PASSWORD"));
      } else {
        server = startEmbedded();
      }
    }
    return server;
  }

  private static DatabaseSettings startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }));
      return new DatabaseSettings(
          "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded test PostgreSQL", e);
    }
  }
}
