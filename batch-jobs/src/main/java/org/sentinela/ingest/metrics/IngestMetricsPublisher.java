package org.sentinela.ingest.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sentinela.ingest.run.IngestFigures;
import org.sentinela.ingest.run.RunFigures;
import org.sentinela.ingest.run.RunRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Publishes an ingest's metrics once it has ended: the figures of a completed run are already in
 * {@code runs.metrics.ingest} (the commit wrote them); a run that did not complete gets its partial
 * figures written there now, with its status. Then, when a Pushgateway is configured, one push of
 * the same figures; a failed push is logged as a warning and recorded, never fatal.
 */
@Component
public class IngestMetricsPublisher {

  private static final Logger log = LoggerFactory.getLogger(IngestMetricsPublisher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunRecords runRecords;
  private final RunFigures runFigures;

  public IngestMetricsPublisher(RunRecords runRecords, RunFigures runFigures) {
    this.runRecords = runRecords;
    this.runFigures = runFigures;
  }

  /** Records and pushes the metrics of a job execution that has ended. */
  public void publish(JobExecution execution, Optional<PushgatewaySettings> pushgateway) {
    String runId = execution.getJobParameters().getString("runId");
    Optional<IngestFigures> committed = runFigures.take(execution.getId());
    IngestFigures figures;
    if (execution.getStatus() == BatchStatus.COMPLETED && committed.isPresent()) {
      figures = committed.get();
    } else {
      figures = IngestFigures.unfinished(execution, LocalDateTime.now());
      tryTo(
          "record the metrics of run " + runId, () -> runRecords.saveIngestMetrics(runId, figures));
    }
    pushgateway.ifPresent(target -> push(target, runId, figures));
  }

  private void push(PushgatewaySettings target, String runId, IngestFigures figures) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("url", target.url().toString());
    outcome.put("job", PushgatewaySettings.JOB);
    PrometheusMeterRegistry registry = IngestMeters.of(figures);
    try {
      PushGateway.builder()
          .scheme(target.scheme())
          .address(target.address())
          .job(PushgatewaySettings.JOB)
          .groupingKey(PushgatewaySettings.GROUPING_KEY, runId)
          .registry(registry.getPrometheusRegistry())
          .build()
          .push();
      outcome.put("pushed", true);
      log.info(
          "Pushed the ingest metrics of run {} to {} (job {}, {}={})",
          runId,
          target.url(),
          PushgatewaySettings.JOB,
          PushgatewaySettings.GROUPING_KEY,
          runId);
    } catch (Exception e) {
      outcome.put("pushed", false);
      outcome.put("error", String.valueOf(e));
      log.warn(
          "Could not push the ingest metrics of run {} to the Pushgateway {} ({}): {}. The run"
              + " goes on; its metrics are in runs.metrics of the reporting database.",
          runId,
          target.url(),
          PushgatewaySettings.VARIABLE,
          e.toString());
    } finally {
      registry.close();
    }
    tryTo(
        "record the push of run " + runId,
        () -> runRecords.savePushOutcome(runId, JSON.writeValueAsString(outcome)));
  }

  /**
   * Runs a step of the publication; a failure is logged, never thrown: metrics never fail a run.
   */
  private static void tryTo(String what, Action action) {
    try {
      action.run();
    } catch (Exception e) {
      log.warn("Could not {}: {}", what, e.toString());
    }
  }

  @FunctionalInterface
  private interface Action {
    void run() throws Exception;
  }
}
