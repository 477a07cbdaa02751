package org.sentinela.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sentinela.ingest.metrics.IngestMetricsPublisher;
import org.sentinela.ingest.metrics.PushgatewaySettings;
import org.sentinela.reporting.db.DatabaseSettings;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one ingest: {@code --input DIR --lake DIR --run-id ID}, database from {@code
 * SENTINELA_DB_URL}/{@code _USER}/{@code _PASSWORD}, metrics pushed to {@code
 * SENTINELA_PUSHGATEWAY_URL} when set. Exit code 0 when the run completed (also when it had
 * completed before), 1 when it failed, 2 for bad arguments or settings.
 */
@SpringBootApplication
public class BatchJobsApplication {

  public static void main(String[] args) {
    IngestOptions options;
    DatabaseSettings db;
    Optional<PushgatewaySettings> pushgateway;
    try {
      options = IngestOptions.parse(args);
      pushgateway = PushgatewaySettings.fromEnvironment(System.getenv());
      db =
          DatabaseSettings.fromEnvironment(System.getenv())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          DatabaseSettings.URL_VARIABLE
                              + " is not set: run the ingest with `scripts/sentinela nightly`,"
                              + " which provides the database, or set it"));
    } catch (IllegalArgumentException e) {
      System.err.println("batch-jobs: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(options, db, pushgateway));
  }

  /** Runs the ingest job, pushing no metrics; returns the process exit code. */
  public static int run(IngestOptions options, DatabaseSettings db) {
    return run(options, db, Optional.empty());
  }

  /**
   * Runs the ingest job in a new application context, then records its metrics and pushes them to
   * the Pushgateway when one is given; returns the process exit code.
   */
  public static int run(
      IngestOptions options, DatabaseSettings db, Optional<PushgatewaySettings> pushgateway) {
    SpringApplication app = new SpringApplication(BatchJobsApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", db.url());
    properties.put("spring.datasource.username", db.user());
    properties.put("spring.datasource.password", db.password());
    app.setDefaultProperties(properties);
    try (IngestLock ignored = IngestLock.acquire(options.lake());
        ConfigurableApplicationContext context = app.run()) {
      JobExecution execution = launch(context, options);
      if (execution != null) {
        context.getBean(IngestMetricsPublisher.class).publish(execution, pushgateway);
      }
      return execution == null || execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
  }

  /** The job parameters of a run: the same run id, input and lake identify the same instance. */
  public static JobParameters parameters(IngestOptions o) {
    return new JobParametersBuilder()
        .addString("runId", o.runId(), true)
        .addString("input", o.input().toString(), true)
        .addString("lake", o.lake().toString(), true)
        .toJobParameters();
  }

  private static JobExecution launch(ConfigurableApplicationContext context, IngestOptions o) {
    JobParameters parameters = parameters(o);
    // We hold the lake's ingest lock: an execution still marked running belongs to a dead process.
    context
        .getBean(org.sentinela.ingest.run.StaleExecutions.class)
        .failUnfinished(IngestJobConfiguration.JOB_NAME, parameters);
    try {
      return context.getBean(JobLauncher.class).run(context.getBean(Job.class), parameters);
    } catch (JobInstanceAlreadyCompleteException e) {
      System.err.println("batch-jobs: run " + o.runId() + " already ingested these inputs");
      return null;
    } catch (JobExecutionAlreadyRunningException e) {
      throw new IllegalStateException("run " + o.runId() + " is already being ingested", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the ingest of run " + o.runId(), e);
    }
  }
}
