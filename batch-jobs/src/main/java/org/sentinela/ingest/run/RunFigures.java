package org.sentinela.ingest.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The figures each job execution's commit recorded, kept until its metrics are published. */
@Component
public class RunFigures {

  private final Map<Long, IngestFigures> byExecution = new ConcurrentHashMap<>();

  /** Keeps the figures the commit of job execution {@code executionId} wrote. */
  public void put(long executionId, IngestFigures figures) {
    byExecution.put(executionId, figures);
  }

  /** The figures of a job execution's commit, removed from here; empty when it never committed. */
  public Optional<IngestFigures> take(long executionId) {
    return Optional.ofNullable(byExecution.remove(executionId));
  }
}
