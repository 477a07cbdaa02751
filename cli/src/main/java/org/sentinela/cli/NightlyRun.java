package org.sentinela.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.sentinela.reporting.db.DatabaseSettings;

/**
 * One night: ingest the input folder into the lake (batch-jobs), analyse the lake and publish the
 * results (spark-analytics), each in its own JVM, recorded as one row of {@code runs}. Only one
 * night runs per home at a time.
 */
final class NightlyRun {

  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final SentinelaSettings settings;
  private final ModuleLauncher launcher;
  private final PrintStream console;

  NightlyRun(SentinelaSettings settings, PrintStream console) {
    this.settings = settings;
    this.launcher = new ModuleLauncher(settings.repo(), console);
    this.console = console;
  }

  /** Runs the night on {@code input}; returns the run id, or throws saying which stage failed. */
  String run(Path input, DatabaseSettings db) {
    if (!Files.isDirectory(input)) {
      throw new IllegalArgumentException("input folder does not exist: " + input);
    }
    try {
      Files.createDirectories(settings.home());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create SENTINELA_HOME " + settings.home(), e);
    }
    Path lockFile = settings.home().resolve("nightly.lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException(
            "another night is running on " + settings.home() + " (" + lockFile + " is locked)");
      }
      return runLocked(input, db);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile, e);
    }
  }

  private String runLocked(Path input, DatabaseSettings db) {
    // We hold the home's lock: a run still RUNNING was cut off (a crash, a kill). The latest one
    // on the same input is resumed under its own id; older ones are closed as failed.
    String runId = unfinishedRun(db, input);
    if (runId != null) {
      console.printf("Resuming run %s, which did not finish%n", runId);
    } else {
      runId = newRunId();
      execute(
          db,
          "insert into runs (run_id, started_at, status, input_dir)"
              + " values (?, now(), 'RUNNING', ?)",
          runId,
          input.toString());
    }
    execute(
        db,
        "update runs set status = 'FAILED', finished_at = now(),"
            + " error = 'cut off before it finished; not resumed' "
            + " where status = 'RUNNING' and run_id <> ?",
        runId);
    Path log = settings.logs().resolve(runId + ".log");
    console.printf("Run %s: %s → %s (log: %s)%n", runId, input, settings.lake(), log);
    Map<String, String> env = new HashMap<>(db.asEnvironment());
    try {
      stage(
          "ingest",
          launcher.command(
              "batch-jobs",
              List.of("-Xmx" + settings.ingestHeap()),
              "org.sentinela.ingest.BatchJobsApplication",
              List.of(
                  "--input", input.toString(),
                  "--lake", settings.lake().toString(),
                  "--run-id", runId)),
          env,
          log);
      Map<String, String> sparkEnv = new HashMap<>(env);
      sparkEnv.put("SENTINELA_SPARK_MASTER", settings.sparkMaster());
      sparkEnv.putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
      List<String> sparkJvm = new java.util.ArrayList<>(ModuleLauncher.SPARK_JVM_OPTIONS);
      sparkJvm.add("-Xmx" + settings.analyticsHeap());
      stage(
          "analyse",
          launcher.command(
              "spark-analytics",
              sparkJvm,
              "org.sentinela.analytics.NightlyAnalysis",
              List.of("--lake", settings.lake().toString(), "--run-id", runId)),
          sparkEnv,
          log);
      execute(
          db, "update runs set status = 'SUCCEEDED', finished_at = now() where run_id = ?", runId);
      return runId;
    } catch (RuntimeException e) {
      execute(
          db,
          "update runs set status = 'FAILED', finished_at = now(), error = ? where run_id = ?",
          e.getMessage(),
          runId);
      throw e;
    }
  }

  private void stage(String name, List<String> command, Map<String, String> env, Path log) {
    long start = System.nanoTime();
    int exit = launcher.run(command, env, log);
    if (exit != 0) {
      throw new IllegalStateException(name + " failed (exit code " + exit + "); see " + log);
    }
    console.printf("Stage %s done in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
  }

  private static String unfinishedRun(DatabaseSettings db, Path input) {
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select run_id from runs where status = 'RUNNING' and input_dir = ?"
                    + " order by started_at desc limit 1")) {
      s.setString(1, input.toString());
      try (java.sql.ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the runs: " + e.getMessage(), e);
    }
  }

  private static String newRunId() {
    return RUN_ID_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))
        + "-"
        + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  }

  private static void execute(DatabaseSettings db, String sql, Object... params) {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the run: " + e.getMessage(), e);
    }
  }
}
