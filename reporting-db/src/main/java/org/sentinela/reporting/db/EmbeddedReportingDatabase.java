package org.sentinela.reporting.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded reporting PostgreSQL: real PostgreSQL binaries (zonky) whose data lives in a folder
 * of its own and survives between runs.
 *
 * <p>One server per data folder. If a server for the folder is already running (another Sentinela
 * command started it), it is reused and left running on {@link #close()}; otherwise this process
 * starts it, and stops it on {@link #close()}.
 */
public final class EmbeddedReportingDatabase implements AutoCloseable {

  /** The database that holds Sentinela's tables inside the embedded server. */
  public static final String DATABASE = "sentinela";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedReportingDatabase.class);
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres startedHere;
  private final DatabaseSettings settings;

  private EmbeddedReportingDatabase(EmbeddedPostgres startedHere, DatabaseSettings settings) {
    this.startedHere = startedHere;
    this.settings = settings;
  }

  /**
   * Starts the server for {@code dataDir}, or connects to the one already running there.
   *
   * @param dataDir PostgreSQL data folder; created and initialised on first use
   * @param binariesDir where the PostgreSQL binaries are unpacked
   * @param port TCP port on 127.0.0.1, or 0 to pick a free one
   */
  public static EmbeddedReportingDatabase startOrReuse(Path dataDir, Path binariesDir, int port) {
    try {
      Files.createDirectories(dataDir.getParent());
      Files.createDirectories(binariesDir);
      Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        Optional<Integer> runningPort = runningServerPort(dataDir);
        if (runningPort.isPresent()) {
          DatabaseSettings reused = settingsFor(runningPort.get());
          log.info("Reusing the embedded PostgreSQL already running on port {}", runningPort.get());
          return new EmbeddedReportingDatabase(null, reused);
        }
        EmbeddedPostgres postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDir.toFile())
                .setPort(port)
                .start();
        DatabaseSettings settings = settingsFor(postgres.getPort());
        createDatabaseIfMissing(postgres.getPort());
        log.info(
            "Started the embedded PostgreSQL on port {} (data in {})", postgres.getPort(), dataDir);
        return new EmbeddedReportingDatabase(postgres, settings);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  /** How to connect to the {@value #DATABASE} database of this server. */
  public DatabaseSettings settings() {
    return settings;
  }

  /** True if this process started the server (and so stops it on close). */
  public boolean startedHere() {
    return startedHere != null;
  }

  @Override
  public void close() {
    if (startedHere != null) {
      try {
        startedHere.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
      }
    }
  }

  private static DatabaseSettings settingsFor(int port) {
    return new DatabaseSettings(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, SUPERUSER, "");
  }

  /** The port of a live server on {@code dataDir}, read from its postmaster.pid. */
  private static Optional<Integer> runningServerPort(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() < 4) {
      return Optional.empty();
    }
    long pid = Long.parseLong(lines.get(0).strip());
    int port = Integer.parseInt(lines.get(3).strip());
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try (Connection ignored = settingsFor(port).connect()) {
        return Optional.of(port);
      } catch (SQLException e) {
        log.warn(
            "A PostgreSQL process ({}) holds {} but does not answer: {}",
            pid,
            dataDir,
            e.getMessage());
        throw new IllegalStateException(
            "the embedded PostgreSQL data folder "
                + dataDir
                + " is held by process "
                + pid
                + " that does not answer on port "
                + port
                + "; stop it or remove the stale server",
            e);
      }
    }
    return Optional.empty();
  }

  private static void createDatabaseIfMissing(int port) {
    DatabaseSettings admin =
        new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, "");
    try (Connection c = admin.connect();
        Statement s = c.createStatement()) {
      boolean exists;
      try (var rs =
          s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        s.execute("create database " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the '" + DATABASE + "' database", e);
    }
  }
}
