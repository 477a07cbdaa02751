package org.sentinela.ingest;

import java.nio.file.Path;
import org.sentinela.ingest.run.CommitIngestTasklet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Keeps the SHA-256 of the file a per-file step ingested in the step's execution context, so the
 * commit reads it there instead of reading every file again on one thread.
 */
public final class InputDigestListener implements StepExecutionListener {

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
      var context = stepExecution.getExecutionContext();
      Path file = Path.of(context.getString(InputPartitioner.PATH_KEY));
      context.putString(CommitIngestTasklet.FILE_SHA256_KEY, InputFiles.sha256(file));
    }
    return stepExecution.getExitStatus();
  }
}
