package org.sentinela.analytics.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.sentinela.analytics.baseline.SeasonalFactor;
import org.sentinela.analytics.baseline.SegmentBaseline;
import org.sentinela.analytics.detect.Anomaly;
import org.sentinela.analytics.detect.ContractDetails;
import org.sentinela.analytics.detect.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's results to the reporting database in one transaction, so readers see the
 * previous publication or this one, never half of one. Publishing a run again replaces its rows.
 *
 * <p>Steps: create the {@code runs} row if the launcher did not; lock it; delete the run's
 * anomalies, baselines and seasonal factors; take this run back out of {@code anomaly_history};
 * COPY the baselines and the seasonal factors (binary, {@link CopyBinary}: no number goes through
 * text) and the anomalies (CSV, {@link CopyCsv}; streamed from an iterator, never held in memory);
 * record every anomaly in {@code anomaly_history}; set the run's {@code published_at} and counts.
 * The log line of each publication gives the time of each step ({@link StepTimes}).
 *
 * <p>{@code anomaly_history} times are the runs' {@code started_at}, so publishing a run twice
 * gives identical rows; the first sighting is kept, the last moves forward only.
 */
public final class RunPublisher {

  private static final Logger log = LoggerFactory.getLogger(RunPublisher.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int COPY_BUFFER_BYTES = 1 << 16;

  private static final String ANOMALY_COPY =
      "copy anomalies (run_id, anomaly_id, detector, natural_key, contract_number,"
          + " superior_organ_code, superior_organ_name, organ_code, organ_name, unit_code,"
          + " unit_name, buyer_uf, buyer_municipality_ibge, supplier_id, supplier_kind,"
          + " supplier_name, modality, object_text, signature_date, publication_date,"
          + " initial_value, final_value, score, p_value, q_value, severity, threshold,"
          + " threshold_version, evidence, explanation) from stdin with (format csv)";

  private static final String BASELINE_COPY =
      "copy baselines (run_id, level, segment_key, buyer_uf, modality, superior_organ_code,"
          + " contracts, median_log_value, mad_log_value, p01_log_value, p25_log_value,"
          + " p75_log_value, p99_log_value) from stdin with (format binary)";

  private static final String SEASONAL_FACTOR_COPY =
      "copy seasonal_factors (run_id, level, segment_key, month, observations, years, median,"
          + " raw_factor, weight, factor, anchor_level)"
          + " from stdin with (format binary)";

  /** Rows only this run had: nothing else to fall back to. */
  private static final String FORGET_ANOMALIES_ONLY_THIS_RUN_SAW =
      "delete from anomaly_history where first_seen_run = ? and last_seen_run = ?";

  /** Last sighting was this run: fall back to the latest other run that published it. */
  private static final String RETRACT_LAST_SEEN =
      """
      with affected as (
        select anomaly_id from anomaly_history where last_seen_run = ? and first_seen_run <> ?
      ), latest as (
        select distinct on (a.anomaly_id) a.anomaly_id, r.run_id, r.started_at
        from anomalies a join runs r on r.run_id = a.run_id
        where a.anomaly_id in (select anomaly_id from affected)
        order by a.anomaly_id, r.started_at desc, r.run_id desc
      )
      update anomaly_history h
      set last_seen_run = coalesce(l.run_id, h.first_seen_run),
          last_seen_at = coalesce(l.started_at, h.first_seen_at)
      from affected f left join latest l on l.anomaly_id = f.anomaly_id
      where h.anomaly_id = f.anomaly_id
      """;

  /** First sighting was this run (republished after later runs): move it to the next one. */
  private static final String RETRACT_FIRST_SEEN =
      """
      with affected as (
        select anomaly_id from anomaly_history where first_seen_run = ? and last_seen_run <> ?
      ), earliest as (
        select distinct on (a.anomaly_id) a.anomaly_id, r.run_id, r.started_at
        from anomalies a join runs r on r.run_id = a.run_id
        where a.anomaly_id in (select anomaly_id from affected)
        order by a.anomaly_id, r.started_at, r.run_id
      )
      update anomaly_history h
      set first_seen_run = coalesce(e.run_id, h.last_seen_run),
          first_seen_at = coalesce(e.started_at, h.last_seen_at)
      from affected f left join earliest e on e.anomaly_id = f.anomaly_id
      where h.anomaly_id = f.anomaly_id
      """;

  private static final String RECORD_HISTORY =
      """
      insert into anomaly_history as h
        (anomaly_id, first_seen_run, first_seen_at, last_seen_run, last_seen_at)
      select a.anomaly_id, a.run_id, r.started_at, a.run_id, r.started_at
      from anomalies a join runs r on r.run_id = a.run_id
      where a.run_id = ?
      on conflict (anomaly_id) do update set
        first_seen_run = case when excluded.first_seen_at < h.first_seen_at
                              then excluded.first_seen_run else h.first_seen_run end,
        first_seen_at = least(excluded.first_seen_at, h.first_seen_at),
        last_seen_run = case when excluded.last_seen_at >= h.last_seen_at
                             then excluded.last_seen_run else h.last_seen_run end,
        last_seen_at = greatest(excluded.last_seen_at, h.last_seen_at)
      """;

  private static final String MARK_PUBLISHED =
      """
      update runs
      set published_at = now(), contracts_analysed = ?, anomalies = ?,
          metrics = metrics || jsonb_build_object('analysis', ?::jsonb)
      where run_id = ?
      """;

  private final ReportingDatabase database;

  public RunPublisher(ReportingDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Replaces the run's published results with these, in one transaction.
   *
   * @param runId the run; its {@code runs} row is created (RUNNING) if missing
   * @param anomalies the run's anomalies, read once, in any order
   * @param baselines the run's segment baselines
   * @param seasonalFactors the run's seasonal factors
   * @param counts the contract counts recorded on the run
   * @param hypotheses the detectors that ran and how many hypotheses each tested (the m of the
   *     q-values, recorded on the run); a detector that found nothing is reported with 0 anomalies
   */
  public Publication publishRun(
      String runId,
      Iterator<Anomaly> anomalies,
      Collection<SegmentBaseline> baselines,
      Collection<SeasonalFactor> seasonalFactors,
      RunCounts counts,
      Map<String, Long> hypotheses)
      throws SQLException {
    Objects.requireNonNull(runId, "runId");
    StepTimes steps = new StepTimes();
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      steps.lap("connect");
      try {
        lockRun(connection, runId);
        steps.lap("lock");
        update(connection, "delete from anomalies where run_id = ?", runId);
        update(connection, "delete from baselines where run_id = ?", runId);
        update(connection, "delete from seasonal_factors where run_id = ?", runId);
        steps.lap("delete the run's rows");
        update(connection, FORGET_ANOMALIES_ONLY_THIS_RUN_SAW, runId, runId);
        update(connection, RETRACT_LAST_SEEN, runId, runId);
        update(connection, RETRACT_FIRST_SEEN, runId, runId);
        steps.lap("retract history");
        long baselineRows = copyBaselines(connection, runId, baselines);
        steps.lap("copy baselines");
        long seasonalRows = copySeasonalFactors(connection, runId, seasonalFactors);
        steps.lap("copy seasonal factors");
        Map<String, Long> byDetector = new TreeMap<>();
        hypotheses.keySet().forEach(d -> byDetector.put(d, 0L));
        copyAnomalies(connection, runId, anomalies, byDetector);
        steps.lap("read and copy anomalies");
        update(connection, RECORD_HISTORY, runId);
        steps.lap("record history");
        Publication publication = Publication.of(runId, byDetector, baselineRows, seasonalRows);
        markPublished(connection, runId, counts, hypotheses, publication);
        steps.lap("mark published");
        connection.commit();
        steps.lap("commit");
        log.info(
            "Published run {} in {} ms: {} anomalies {}, {} baselines, {} seasonal factors ({})",
            runId,
            steps.totalMillis(),
            publication.anomalies(),
            publication.anomaliesByDetector(),
            baselineRows,
            seasonalRows,
            steps);
        return publication;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static void lockRun(Connection connection, String runId) throws SQLException {
    update(
        connection,
        "insert into runs (run_id, started_at, status) values (?, now(), 'RUNNING')"
            + " on conflict (run_id) do nothing",
        runId);
    try (PreparedStatement lock =
        connection.prepareStatement("select run_id from runs where run_id = ? for update")) {
      lock.setString(1, runId);
      // the row lock, held until commit, serialises concurrent publications of the same run
      lock.executeQuery().close();
    }
  }

  private static long copyBaselines(
      Connection connection, String runId, Collection<SegmentBaseline> baselines)
      throws SQLException {
    return copy(
        connection,
        BASELINE_COPY,
        out -> {
          CopyBinary copy = new CopyBinary(out, COPY_BUFFER_BYTES);
          for (SegmentBaseline b : baselines) {
            copy.row(13)
                .text(runId)
                .text(b.level().name())
                .text(b.segmentKey())
                .text(b.buyerUf())
                .text(b.modality())
                .text(b.superiorOrganCode())
                .int8(b.contracts())
                .float8(b.medianLogValue())
                .float8(b.madLogValue())
                .float8(b.p01LogValue())
                .float8(b.p25LogValue())
                .float8(b.p75LogValue())
                .float8(b.p99LogValue());
          }
          copy.finish();
          return baselines.size();
        });
  }

  private static long copySeasonalFactors(
      Connection connection, String runId, Collection<SeasonalFactor> factors) throws SQLException {
    return copy(
        connection,
        SEASONAL_FACTOR_COPY,
        out -> {
          CopyBinary copy = new CopyBinary(out, COPY_BUFFER_BYTES);
          for (SeasonalFactor f : factors) {
            copy.row(11)
                .text(runId)
                .text(f.level())
                .text(f.segmentKey())
                .int2(f.month())
                .int8(f.observations())
                .int4(f.years())
                .float8(f.median())
                .float8(f.rawFactor())
                .float8(f.weight())
                .float8(f.factor())
                .text(f.anchorLevel());
          }
          copy.finish();
          return factors.size();
        });
  }

  private static void copyAnomalies(
      Connection connection,
      String runId,
      Iterator<Anomaly> anomalies,
      Map<String, Long> byDetector)
      throws SQLException {
    copy(
        connection,
        ANOMALY_COPY,
        out -> {
          Writer writer =
              new BufferedWriter(
                  new OutputStreamWriter(out, StandardCharsets.UTF_8), COPY_BUFFER_BYTES);
          CopyCsv csv = new CopyCsv(writer);
          long rows = 0;
          while (anomalies.hasNext()) {
            Anomaly anomaly = anomalies.next();
            ContractDetails c = anomaly.contract();
            Finding f = anomaly.finding();
            csv.field(runId)
                .field(f.anomalyId())
                .field(f.detector())
                .field(c.naturalKey())
                .field(c.contractNumber())
                .field(c.superiorOrganCode())
                .field(c.superiorOrganName())
                .field(c.organCode())
                .field(c.organName())
                .field(c.unitCode())
                .field(c.unitName())
                .field(c.buyerUf())
                .field(c.buyerMunicipalityIbge())
                .field(c.supplierId())
                .field(c.supplierKind())
                .field(c.supplierName())
                .field(c.modality())
                .field(c.objectText())
                .field(c.signatureDate())
                .field(c.publicationDate())
                .field(c.initialValue())
                .field(c.finalValue())
                .field(f.score())
                .field(f.pValue())
                .field(anomaly.qValue())
                .field(anomaly.severity().name())
                .field(f.threshold())
                .field(f.thresholdVersion())
                .field(f.evidenceJson())
                .field(f.explanation())
                .endRow();
            byDetector.merge(f.detector(), 1L, Long::sum);
            rows++;
          }
          writer.flush();
          return rows;
        });
  }

  private static void markPublished(
      Connection connection,
      String runId,
      RunCounts counts,
      Map<String, Long> hypotheses,
      Publication publication)
      throws SQLException {
    ObjectNode analysis = JSON.createObjectNode();
    analysis.put("contracts_in_snapshot", counts.contractsInSnapshot());
    analysis.put("contracts_current", counts.contractsCurrent());
    analysis.put("contracts_scored", counts.contractsScored());
    analysis.put("contracts_unscored", counts.contractsUnscored());
    analysis.put("baselines", publication.baselines());
    analysis.put("seasonal_factors", publication.seasonalFactors());
    ObjectNode byDetector = analysis.putObject("anomalies_by_detector");
    publication.anomaliesByDetector().forEach(byDetector::put);
    ObjectNode tested = analysis.putObject("hypotheses_by_detector");
    new TreeMap<>(hypotheses).forEach(tested::put);
    analysis.put("hypotheses", hypotheses.values().stream().mapToLong(Long::longValue).sum());
    try (PreparedStatement statement = connection.prepareStatement(MARK_PUBLISHED)) {
      statement.setLong(1, counts.contractsCurrent());
      statement.setLong(2, publication.anomalies());
      statement.setString(3, analysis.toString());
      statement.setString(4, runId);
      statement.executeUpdate();
    }
  }

  private static int update(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  /**
   * Writes one COPY's data to the server; on any failure the COPY is cancelled so the rollback can
   * run.
   */
  private static long copy(Connection connection, String sql, CopyBody body) throws SQLException {
    PGCopyOutputStream stream =
        new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, COPY_BUFFER_BYTES);
    try {
      long rows = body.write(stream);
      stream.endCopy();
      return rows;
    } catch (IOException e) {
      cancel(stream);
      if (e.getCause() instanceof SQLException cause) {
        throw cause;
      }
      throw new SQLException("COPY failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      cancel(stream);
      throw e;
    }
  }

  private static void cancel(PGCopyOutputStream stream) throws SQLException {
    if (stream.isActive()) {
      stream.cancelCopy();
    }
  }

  /** Writes the data of one COPY to {@code out}; returns the rows written. */
  @FunctionalInterface
  private interface CopyBody {
    long write(OutputStream out) throws IOException;
  }
}
