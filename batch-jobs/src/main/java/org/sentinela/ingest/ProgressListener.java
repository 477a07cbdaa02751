package org.sentinela.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.ItemReadListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Logs one file's progress (records read, share of the file, rate, ETA) every {@link #INTERVAL} and
 * when the file is done. Bytes read are the records' text plus one line break each: exact for the
 * Latin-1 Portal files, an estimate for UTF-8 JSON.
 */
public class ProgressListener
    implements StepExecutionListener, ItemReadListener<SourceRecord>, ChunkListener {

  /** Time between two progress lines of a file. */
  public static final Duration INTERVAL = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

  private final String fileName;
  private final long totalBytes;
  private final Duration interval;
  private final LongSupplier nanoClock;
  private final Consumer<String> report;
  private long bytesRead;
  private long startNanos;
  private long nextReportNanos;

  /** A listener for a file of {@code totalBytes} (-1 when unknown) that logs every 10 s. */
  public ProgressListener(String fileName, long totalBytes) {
    this(fileName, totalBytes, INTERVAL, System::nanoTime, log::info);
  }

  ProgressListener(
      String fileName,
      long totalBytes,
      Duration interval,
      LongSupplier nanoClock,
      Consumer<String> report) {
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.totalBytes = totalBytes;
    this.interval = Objects.requireNonNull(interval, "interval");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.report = Objects.requireNonNull(report, "report");
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    bytesRead = 0;
    startNanos = nanoClock.getAsLong();
    nextReportNanos = startNanos + interval.toNanos();
  }

  @Override
  public void afterRead(SourceRecord item) {
    bytesRead += item.rawText().length() + 1;
  }

  @Override
  public void afterChunk(ChunkContext context) {
    long now = nanoClock.getAsLong();
    if (now - nextReportNanos >= 0) {
      nextReportNanos = now + interval.toNanos();
      report.accept(estimate(context.getStepContext().getStepExecution(), now).describe(fileName));
    }
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    ProgressEstimate done = estimate(stepExecution, nanoClock.getAsLong());
    report.accept(
        String.format(
            Locale.ROOT,
            "%s: %s, %,d records in %s, %,d records/s",
            fileName,
            stepExecution.getStatus() == BatchStatus.COMPLETED
                ? "done"
                : "ended " + stepExecution.getStatus(),
            done.records(),
            ProgressEstimate.format(done.elapsed()),
            Math.round(done.recordsPerSecond())));
    return stepExecution.getExitStatus();
  }

  private ProgressEstimate estimate(StepExecution step, long now) {
    long records = step.getReadCount() + step.getReadSkipCount();
    return new ProgressEstimate(
        records, bytesRead, totalBytes, Duration.ofNanos(Math.max(0, now - startNanos)));
  }
}
