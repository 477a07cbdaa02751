package org.sentinela.ingest.run;

import java.util.List;
import java.util.Map;
import org.sentinela.ingest.RejectionReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes a run's ingest accounting into the reporting database (runs, run_files). */
@Component
public class RunRecords {

  private final JdbcClient jdbc;

  public RunRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the files of a run, replacing what an earlier attempt of the same run wrote, and the
   * ingest's metrics (per source: files, bytes, records; seconds) under {@code metrics.ingest}.
   */
  @Transactional
  public void saveIngest(
      String runId, String inputDir, List<FileAccount> files, IngestFigures figures) {
    jdbc.sql(
            "insert into runs (run_id, started_at, status, input_dir) values (?, now(), 'RUNNING', ?)"
                + " on conflict (run_id) do nothing")
        .params(runId, inputDir)
        .update();
    jdbc.sql("delete from run_quarantine_reasons where run_id = ?").param(runId).update();
    jdbc.sql("delete from run_files where run_id = ?").param(runId).update();
    for (FileAccount f : files) {
      jdbc.sql(
              "insert into run_files (run_id, file_name, source, file_sha256, file_bytes,"
                  + " records_read, records_accepted, records_quarantined, records_duplicate,"
                  + " status, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              runId,
              f.file().name(),
              f.file().source() == null ? "UNKNOWN" : f.file().source().name(),
              f.sha256(),
              f.bytes(),
              f.read(),
              f.accepted(),
              f.quarantined(),
              f.duplicate(),
              f.status(),
              f.file().problem())
          .update();
      for (Map.Entry<RejectionReason, Long> reason : f.quarantineReasons().entrySet()) {
        jdbc.sql(
                "insert into run_quarantine_reasons (run_id, file_name, reason, records)"
                    + " values (?, ?, ?, ?)")
            .params(runId, f.file().name(), reason.getKey().name(), reason.getValue())
            .update();
      }
    }
    jdbc.sql(
            "update runs set records_read = ?, records_accepted = ?, records_quarantined = ?,"
                + " records_duplicate = ? where run_id = ?")
        .params(
            files.stream().mapToLong(FileAccount::read).sum(),
            files.stream().mapToLong(FileAccount::accepted).sum(),
            files.stream().mapToLong(FileAccount::quarantined).sum(),
            files.stream().mapToLong(FileAccount::duplicate).sum(),
            runId)
        .update();
    saveIngestMetrics(runId, figures);
  }

  /**
   * Writes the figures under {@code metrics.ingest} of an existing run record (a run that did not
   * complete keeps there what its files had read); no-op when the run has no record.
   */
  public void saveIngestMetrics(String runId, IngestFigures figures) {
    jdbc.sql(
            "update runs set metrics = metrics || jsonb_build_object('ingest', ?::jsonb)"
                + " where run_id = ?")
        .params(IngestMetrics.json(figures), runId)
        .update();
  }

  /**
   * Records under {@code metrics.ingest.pushgateway} whether the figures reached the Pushgateway.
   *
   * @param outcome a JSON object, e.g. {@code {"url": …, "pushed": false, "error": …}}
   */
  public void savePushOutcome(String runId, String outcome) {
    jdbc.sql(
            "update runs set metrics = jsonb_set(metrics, '{ingest,pushgateway}', ?::jsonb)"
                + " where run_id = ? and metrics -> 'ingest' is not null")
        .params(outcome, runId)
        .update();
  }
}
