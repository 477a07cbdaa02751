package org.sentinela.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.ingest.SourceRecord;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.SkipListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.file.FlatFileParseException;

/**
 * Sends every record the step skips to the quarantine with its reason, and leaves the counts by
 * reason in the step's execution context ({@code quarantine.REASON}) for the run's accounting.
 */
public class QuarantineListener
    implements SkipListener<SourceRecord, Object>, StepExecutionListener {

  /** Prefix of the execution-context keys holding counts by reason. */
  public static final String COUNT_KEY_PREFIX = "quarantine.";

  private final QuarantineWriter quarantine;

  public QuarantineListener(QuarantineWriter quarantine) {
    this.quarantine = quarantine;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    try {
      quarantine.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onSkipInRead(Throwable t) {
    if (t instanceof FlatFileParseException parse) {
      Throwable cause = parse.getCause() == null ? parse : parse.getCause();
      quarantine.quarantine(
          parse.getLineNumber(),
          RejectionReason.MALFORMED_LINE,
          cause.getMessage(),
          parse.getInput());
    } else {
      throw new IllegalStateException("unexpected read skip", t);
    }
  }

  @Override
  public void onSkipInProcess(SourceRecord row, Throwable t) {
    RejectionReason reason =
        t instanceof RecordRejectedException rejected
            ? rejected.reason()
            : RejectionReason.MALFORMED_LINE;
    quarantine.quarantine(row.recordNumber(), reason, t.getMessage(), row.rawText());
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    ExitStatus closed = StepOutput.closeOrFail(stepExecution, quarantine::close);
    for (Map.Entry<RejectionReason, Long> count : quarantine.counts().entrySet()) {
      stepExecution
          .getExecutionContext()
          .putLong(COUNT_KEY_PREFIX + count.getKey().name(), count.getValue());
    }
    return closed;
  }
}
