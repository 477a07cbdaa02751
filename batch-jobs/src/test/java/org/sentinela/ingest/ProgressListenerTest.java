package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;

/** The progress lines of one file, driven by a test clock instead of waiting. */
class ProgressListenerTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final List<String> lines = new ArrayList<>();
  private final StepExecution step = new StepExecution("ingestFile:f", new JobExecution(1L));
  private final ChunkContext chunk = new ChunkContext(new StepContext(step));

  @Test
  void reportsOncePerIntervalWithTheShareOfBytesReadAndAgainAtTheEnd() {
    // a file of 100 lines of 1,000 bytes (999 characters and the line break)
    ProgressListener listener =
        new ProgressListener("f.csv", 100_000, Duration.ofSeconds(10), clock::get, lines::add);
    listener.beforeStep(step);

    readRecords(listener, 20);
    advance(Duration.ofSeconds(4));
    listener.afterChunk(chunk);
    assertThat(lines).as("no line before the interval has passed").isEmpty();

    readRecords(listener, 30);
    advance(Duration.ofSeconds(6));
    listener.afterChunk(chunk);
    assertThat(lines).containsExactly("f.csv: 50 records, 50.0% of 0.1 MB, 5 records/s, ETA 10s");

    readRecords(listener, 10);
    advance(Duration.ofSeconds(9));
    listener.afterChunk(chunk);
    assertThat(lines).as("the next line waits a whole interval").hasSize(1);

    readRecords(listener, 40);
    advance(Duration.ofSeconds(1));
    step.setStatus(BatchStatus.COMPLETED);
    listener.afterStep(step);
    assertThat(lines).last().isEqualTo("f.csv: done, 100 records in 20s, 5 records/s");
  }

  private void readRecords(ProgressListener listener, int n) {
    for (int i = 0; i < n; i++) {
      listener.afterRead(new Line("x".repeat(999)));
    }
    step.setReadCount(step.getReadCount() + n);
  }

  private void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  private record Line(String rawText) implements SourceRecord {
    @Override
    public String fileName() {
      return "f.csv";
    }

    @Override
    public long recordNumber() {
      return 0;
    }
  }
}
