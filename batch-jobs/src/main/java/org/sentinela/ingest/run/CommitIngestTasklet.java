package org.sentinela.ingest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sentinela.ingest.InputFile;
import org.sentinela.ingest.InputFileScanner;
import org.sentinela.ingest.InputFiles;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.ingest.lake.ContractAmendmentCounts;
import org.sentinela.ingest.lake.LakeCommitter;
import org.sentinela.ingest.lake.LakeManifest;
import org.sentinela.ingest.lake.QuarantineListener;
import org.sentinela.model.LakeLayout;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Last step of the ingest: balances each file's accounting from the per-file step executions,
 * derives the amendments-per-contract table, commits the staged snapshots (contracts, quarantine,
 * amendments, amendment counts), and records the accounting.
 */
public class CommitIngestTasklet implements Tasklet {

  /** Execution-context key of a per-file step: the input file's name. */
  public static final String FILE_NAME_KEY = "fileName";

  /** Execution-context key of a completed per-file step: the SHA-256 of the file it read. */
  public static final String FILE_SHA256_KEY = "fileSha256";

  private final Path input;
  private final Path lake;
  private final String runId;
  private final RunRecords runRecords;
  private final StaleExecutions staleExecutions;
  private final RunFigures runFigures;

  public CommitIngestTasklet(
      Path input,
      Path lake,
      String runId,
      RunRecords runRecords,
      StaleExecutions staleExecutions,
      RunFigures runFigures) {
    this.input = input;
    this.lake = lake;
    this.runId = runId;
    this.runRecords = runRecords;
    this.staleExecutions = staleExecutions;
    this.runFigures = runFigures;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws IOException {
    // A restarted run skips the files an earlier attempt finished: their completed steps are in
    // earlier executions of the same job instance, so read them all from the job repository.
    Map<String, StepExecution> fileSteps = new java.util.HashMap<>();
    org.springframework.batch.core.JobExecution job =
        chunkContext.getStepContext().getStepExecution().getJobExecution();
    for (StepExecution step :
        staleExecutions.completedSteps(job.getJobInstance().getJobName(), job.getJobParameters())) {
      ExecutionContext context = step.getExecutionContext();
      if (context.containsKey(FILE_NAME_KEY)) {
        fileSteps.merge(
            context.getString(FILE_NAME_KEY), step, (a, b) -> a.getId() > b.getId() ? a : b);
      }
    }
    // Once sealed, this run's staged snapshots are complete and its manifest lists every file, so a
    // restart (say, after a crash between two tables' pointer switches) only finishes the commit.
    boolean sealed = LakeCommitter.isSealed(lake, runId);
    java.util.Optional<Path> previous =
        sealed
            ? java.util.Optional.of(
                LakeCommitter.stagedOrCommitted(lake, LakeLayout.CONTRACTS, runId))
            : LakeLayout.currentSnapshot(lake, LakeLayout.CONTRACTS);
    LakeManifest previousManifest =
        previous.map(LakeManifest::read).orElse(new LakeManifest(List.of()));
    List<FileAccount> accounts = new ArrayList<>();
    List<LakeManifest.Entry> ingested = new ArrayList<>();
    for (InputFile file : InputFileScanner.scan(input)) {
      StepExecution step = fileSteps.get(file.name());
      String sha256 =
          step != null && step.getExecutionContext().containsKey(FILE_SHA256_KEY)
              ? step.getExecutionContext().getString(FILE_SHA256_KEY)
              : InputFiles.sha256(file.path());
      long bytes = Files.size(file.path());
      if (file.status() != InputFile.Status.INGEST) {
        accounts.add(FileAccount.notIngested(file, sha256, bytes));
      } else if (step != null) {
        accounts.add(account(file, sha256, bytes, step));
        ingested.add(new LakeManifest.Entry(file.name(), sha256, file.slug()));
      } else if (previousManifest.find(file.name(), sha256).isPresent()) {
        accounts.add(FileAccount.unchanged(file, sha256, bytes));
      } else {
        throw new IllegalStateException("no ingest step completed for " + file.name());
      }
    }
    if (!sealed) {
      carryOver(previousManifest, ingested);
      ContractAmendmentCounts.write(
          LakeCommitter.staging(lake, LakeLayout.AMENDMENTS, runId),
          LakeCommitter.staging(lake, LakeLayout.CONTRACT_AMENDMENT_COUNTS, runId));
      LakeCommitter.seal(lake, runId);
    }
    LakeCommitter.commitSealed(lake, runId);
    java.time.LocalDateTime started = job.getStartTime();
    java.time.Duration duration =
        started == null
            ? java.time.Duration.ZERO
            : java.time.Duration.between(started, java.time.LocalDateTime.now());
    IngestFigures figures = IngestFigures.completed(accounts, fileSteps, duration);
    runRecords.saveIngest(runId, input.toString(), accounts, figures);
    runFigures.put(job.getId(), figures);
    return RepeatStatus.FINISHED;
  }

  /**
   * Links into this run's staging snapshots the parts of every file of the previous snapshot that
   * this run did not ingest again (unchanged, or not given this night), and writes the manifest.
   */
  private void carryOver(LakeManifest previous, List<LakeManifest.Entry> ingested)
      throws IOException {
    List<LakeManifest.Entry> entries = new ArrayList<>(ingested);
    java.util.Set<String> ingestedNames = new java.util.HashSet<>();
    ingested.forEach(e -> ingestedNames.add(e.fileName()));
    for (LakeManifest.Entry old : previous.entries()) {
      if (ingestedNames.contains(old.fileName())) {
        continue;
      }
      for (String table :
          List.of(LakeLayout.CONTRACTS, LakeLayout.AMENDMENTS, LakeLayout.QUARANTINE)) {
        java.util.Optional<Path> from = LakeLayout.currentSnapshot(lake, table);
        if (from.isPresent()) {
          LakeManifest.carryOver(from.get(), LakeCommitter.staging(lake, table, runId), old.slug());
        }
      }
      entries.add(old);
    }
    new LakeManifest(entries).write(LakeCommitter.staging(lake, LakeLayout.CONTRACTS, runId));
  }

  private static FileAccount account(InputFile file, String sha256, long bytes, StepExecution s) {
    Map<RejectionReason, Long> reasons = new EnumMap<>(RejectionReason.class);
    for (RejectionReason reason : RejectionReason.values()) {
      String key = QuarantineListener.COUNT_KEY_PREFIX + reason.name();
      if (s.getExecutionContext().containsKey(key)) {
        reasons.put(reason, s.getExecutionContext().getLong(key));
      }
    }
    long quarantined = s.getReadSkipCount() + s.getProcessSkipCount() + s.getWriteSkipCount();
    return new FileAccount(
        file,
        false,
        sha256,
        bytes,
        s.getReadCount() + s.getReadSkipCount(),
        s.getWriteCount(),
        quarantined,
        s.getFilterCount(),
        reasons);
  }
}
