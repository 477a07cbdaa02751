package org.sentinela.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;

/** Logs a file's progress (records read, rate) every {@value #EVERY_RECORDS} records. */
public final class ProgressListener implements ChunkListener {

  static final long EVERY_RECORDS = 100_000;
  private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

  private long nextReport = EVERY_RECORDS;

  @Override
  public void afterChunk(ChunkContext context) {
    StepExecution step = context.getStepContext().getStepExecution();
    long read = step.getReadCount() + step.getReadSkipCount();
    if (read >= nextReport) {
      nextReport = (read / EVERY_RECORDS + 1) * EVERY_RECORDS;
      double seconds =
          Math.max(
              0.001,
              java.time.Duration.between(step.getStartTime(), java.time.LocalDateTime.now())
                      .toMillis()
                  / 1000.0);
      log.info(
          "{}: {} records read, {} rows/s",
          step.getExecutionContext().getString("fileName", step.getStepName()),
          read,
          Math.round(read / seconds));
    }
  }
}
