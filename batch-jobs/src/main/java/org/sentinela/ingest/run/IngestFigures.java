package org.sentinela.ingest.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sentinela.ingest.InputFile;
import org.sentinela.ingest.InputFiles;
import org.sentinela.ingest.InputPartitioner;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.ingest.lake.QuarantineListener;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;

/**
 * The figures of one ingest, pushed to the Pushgateway and kept in {@code runs.metrics.ingest}: the
 * run's status and duration and, per input file, its accounting, bytes read and duration.
 *
 * @param status {@code COMPLETED}, or the job's status when it did not complete
 * @param duration the whole ingest, from the job's start to its commit (or end)
 * @param files every input file of a completed run; the files this attempt read when it failed
 */
public record IngestFigures(String status, Duration duration, List<FileFigures> files) {

  /**
   * One input file's figures.
   *
   * @param status {@code INGESTED}, {@code UNCHANGED}, {@code IGNORED} or {@code FAILED} (as in
   *     {@code run_files}); on a failed run, the status of the file's step
   * @param read true when this run read the file's records
   * @param fileBytes the file's size on disk
   * @param bytesRead bytes of records read: the file's size, or the entry's uncompressed size
   * @param duration time this run spent on the file (zero when not read)
   */
  public record FileFigures(
      String fileName,
      String source,
      String status,
      boolean read,
      long fileBytes,
      long bytesRead,
      long recordsRead,
      long accepted,
      Map<String, Long> quarantinedByReason,
      long duplicate,
      Duration duration) {

    public FileFigures {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(duration, "duration");
      quarantinedByReason = Map.copyOf(quarantinedByReason);
    }

    /** Records quarantined, all reasons together. */
    public long quarantined() {
      return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public IngestFigures {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
    files = List.copyOf(files);
  }

  /** Records read by this run, every file together. */
  public long recordsRead() {
    return files.stream().mapToLong(FileFigures::recordsRead).sum();
  }

  /** Records read per second of the whole ingest, rounded (0 for an instant run). */
  public long recordsPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds > 0 ? Math.round(recordsRead() / seconds) : 0;
  }

  /** True when the run completed. */
  public boolean succeeded() {
    return BatchStatus.COMPLETED.name().equals(status);
  }

  /**
   * The figures of a completed run: its balanced accounting, and the duration of the step that read
   * each file (in this execution or an earlier one of the same run).
   */
  public static IngestFigures completed(
      List<FileAccount> accounts, Map<String, StepExecution> fileSteps, Duration duration) {
    List<FileFigures> files = new ArrayList<>();
    for (FileAccount a : accounts) {
      StepExecution step = fileSteps.get(a.file().name());
      boolean read = a.file().status() == InputFile.Status.INGEST && !a.unchanged();
      Map<String, Long> reasons = new TreeMap<>();
      a.quarantineReasons().forEach((reason, n) -> reasons.put(reason.name(), n));
      files.add(
          new FileFigures(
              a.file().name(),
              a.file().source() == null ? "UNKNOWN" : a.file().source().name(),
              a.status(),
              read,
              a.bytes(),
              read ? sizeOrZero(a.file().path(), a.file().zipEntry()) : 0,
              a.read(),
              a.accepted(),
              reasons,
              a.duplicate(),
              read && step != null ? stepDuration(step) : Duration.ZERO));
    }
    return new IngestFigures(BatchStatus.COMPLETED.name(), duration, files);
  }

  /**
   * The figures of an execution that did not complete: what each file step of this attempt had
   * committed when the job stopped (records of a failed chunk are not counted).
   */
  public static IngestFigures unfinished(JobExecution execution, LocalDateTime now) {
    List<FileFigures> files = new ArrayList<>();
    for (StepExecution s : execution.getStepExecutions()) {
      ExecutionContext context = s.getExecutionContext();
      if (!context.containsKey(CommitIngestTasklet.FILE_NAME_KEY)) {
        continue;
      }
      Map<String, Long> reasons = new TreeMap<>();
      for (RejectionReason reason : RejectionReason.values()) {
        String key = QuarantineListener.COUNT_KEY_PREFIX + reason.name();
        if (context.containsKey(key)) {
          reasons.put(reason.name(), context.getLong(key));
        }
      }
      String zipEntry = context.getString(InputPartitioner.ZIP_ENTRY_KEY, "");
      Path path = Path.of(context.getString(InputPartitioner.PATH_KEY));
      files.add(
          new FileFigures(
              context.getString(CommitIngestTasklet.FILE_NAME_KEY),
              context.getString(InputPartitioner.SOURCE_KEY, "UNKNOWN"),
              s.getStatus().name(),
              true,
              sizeOrZero(path, null),
              sizeOrZero(path, zipEntry.isEmpty() ? null : zipEntry),
              s.getReadCount() + s.getReadSkipCount(),
              s.getWriteCount(),
              reasons,
              s.getFilterCount(),
              stepDuration(s)));
    }
    LocalDateTime started = execution.getStartTime() == null ? now : execution.getStartTime();
    return new IngestFigures(
        execution.getStatus().name(), Duration.between(started, now).abs(), files);
  }

  private static Duration stepDuration(StepExecution step) {
    if (step.getStartTime() == null) {
      return Duration.ZERO;
    }
    LocalDateTime end = step.getEndTime() == null ? LocalDateTime.now() : step.getEndTime();
    return Duration.between(step.getStartTime(), end).abs();
  }

  private static long sizeOrZero(Path path, String zipEntry) {
    try {
      return Math.max(0, InputFiles.size(path, zipEntry));
    } catch (RuntimeException unreadable) {
      return 0;
    }
  }
}
