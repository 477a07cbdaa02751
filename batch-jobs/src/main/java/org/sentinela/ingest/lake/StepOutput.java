package org.sentinela.ingest.lake;

import java.io.IOException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;

/**
 * Closing a file step's output in {@code afterStep}, where Spring Batch only logs what a listener
 * throws: a Parquet file whose footer was never written, or held records never written, would
 * otherwise count as ingested. A failure here fails the step, and with it the file.
 */
final class StepOutput {

  private StepOutput() {}

  /** What closes the output. */
  @FunctionalInterface
  interface Closing {
    void close() throws IOException;
  }

  /** Runs {@code closing}; if it fails, the step is FAILED with the failure as its cause. */
  static ExitStatus closeOrFail(StepExecution step, Closing closing) {
    try {
      closing.close();
    } catch (IOException | RuntimeException e) {
      step.setStatus(BatchStatus.FAILED);
      step.addFailureException(e);
      return ExitStatus.FAILED.addExitDescription(e);
    }
    return step.getExitStatus();
  }
}
