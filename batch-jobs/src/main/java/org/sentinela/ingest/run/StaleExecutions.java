package org.sentinela.ingest.run;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Marks as FAILED the executions of a job instance that a killed process left "running", so the
 * instance can be restarted. Call it only while holding the lake's ingest lock: then no live
 * process can own those executions.
 */
@Component
public class StaleExecutions {

  private static final Logger log = LoggerFactory.getLogger(StaleExecutions.class);

  private final JobExplorer explorer;
  private final JobRepository repository;

  public StaleExecutions(JobExplorer explorer, JobRepository repository) {
    this.explorer = explorer;
    this.repository = repository;
  }

  /** Fails every unfinished execution of the instance; returns how many there were. */
  public int failUnfinished(String jobName, JobParameters parameters) {
    JobInstance instance = explorer.getJobInstance(jobName, parameters);
    if (instance == null) {
      return 0;
    }
    List<JobExecution> stale = new ArrayList<>();
    for (JobExecution execution : explorer.getJobExecutions(instance)) {
      if (execution.isRunning()) {
        stale.add(execution);
      }
    }
    for (JobExecution execution : stale) {
      ExitStatus abandoned =
          ExitStatus.FAILED.addExitDescription("the process died; failed at restart");
      for (StepExecution step : execution.getStepExecutions()) {
        if (step.getStatus().isRunning()) {
          step.setStatus(BatchStatus.FAILED);
          step.setExitStatus(abandoned);
          step.setEndTime(LocalDateTime.now());
          repository.update(step);
        }
      }
      execution.setStatus(BatchStatus.FAILED);
      execution.setExitStatus(abandoned);
      execution.setEndTime(LocalDateTime.now());
      repository.update(execution);
      log.warn(
          "Execution {} of {} was left running by a process that died; restarting it",
          execution.getId(),
          instance.getJobName());
    }
    return stale.size();
  }

  /** The latest completed execution of every step of the instance, across all its executions. */
  public List<StepExecution> completedSteps(String jobName, JobParameters parameters) {
    JobInstance instance = explorer.getJobInstance(jobName, parameters);
    List<StepExecution> completed = new ArrayList<>();
    if (instance != null) {
      for (JobExecution execution : explorer.getJobExecutions(instance)) {
        for (StepExecution step : execution.getStepExecutions()) {
          if (step.getStatus() == BatchStatus.COMPLETED) {
            completed.add(step);
          }
        }
      }
    }
    return completed;
  }
}
