package org.sentinela.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.sentinela.reporting.db.DatabaseSettings;

/**
 * Runs the real nightly ingest (batch-jobs' {@code BatchJobsApplication}, the same Spring Batch
 * job, the reporting PostgreSQL as job repository) over one data set in a child JVM, and reads its
 * job time and accounting back from the database.
 */
final class IngestUnderTest {

  private static final String MAIN = "org.sentinela.ingest.BatchJobsApplication";

  private IngestUnderTest() {}

  /** Ingests {@code data} ({@code rows} rows) into a fresh lake and measures it. */
  static Measurement run(BenchmarkOptions o, DatabaseSettings db, Path data, long rows) {
    String runId = "bench-" + rows + "-" + System.currentTimeMillis();
    Path lake = o.work().resolve("lake-" + rows);
    Folders.delete(lake);
    Path gcLog = o.work().resolve("ingest-" + rows + "-gc.log");
    Path log = o.work().resolve("ingest-" + rows + ".log");
    List<String> command =
        ChildJvm.command(
            o.repo(),
            "batch-jobs",
            List.of("-Xmx" + o.ingestHeap(), "-Xlog:gc:file=" + gcLog),
            MAIN,
            List.of("--input", data.toString(), "--lake", lake.toString(), "--run-id", runId));
    ChildJvm.Run run = ChildJvm.run(command, db.asEnvironment(), log);
    if (run.exitCode() != 0) {
      throw new IllegalStateException("the ingest failed (exit " + run.exitCode() + "): " + log);
    }
    Accounting accounting = Accounting.of(db, runId);
    System.err.println("ingest of " + rows + " rows: " + accounting + " (log " + log + ")");
    if (accounting.read() != rows) {
      throw new IllegalStateException(
          "the ingest read " + accounting.read() + " records of " + rows + " rows: " + log);
    }
    if (!o.keep()) {
      Folders.delete(lake);
    }
    return new Measurement(
        ResultTable.INGEST,
        rows,
        run.wallSeconds(),
        accounting.jobSeconds(),
        run.peakRssKb(),
        run.cpuSeconds(),
        GcSummary.read(gcLog));
  }

  /** A run's totals from {@code run_files} and its job's duration from the job repository. */
  record Accounting(long read, long accepted, long quarantined, long duplicate, double jobSeconds) {

    static Accounting of(DatabaseSettings db, String runId) {
      String sql =
          "select sum(f.records_read), sum(f.records_accepted), sum(f.records_quarantined),"
              + " sum(f.records_duplicate),"
              + " (select extract(epoch from e.end_time - e.start_time)"
              + "    from batch_job_execution e join batch_job_execution_params p"
              + "      on p.job_execution_id = e.job_execution_id"
              + "   where p.parameter_name = 'runId' and p.parameter_value = ?"
              + "   order by e.job_execution_id desc limit 1)"
              + " from run_files f where f.run_id = ?";
      try (Connection c = db.connect();
          PreparedStatement s = c.prepareStatement(sql)) {
        s.setString(1, runId);
        s.setString(2, runId);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          return new Accounting(
              r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getDouble(5));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the accounting of run " + runId, e);
      }
    }

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "read %,d = accepted %,d + quarantined %,d + duplicates %,d; job %.1f s",
          read,
          accepted,
          quarantined,
          duplicate,
          jobSeconds);
    }
  }
}
