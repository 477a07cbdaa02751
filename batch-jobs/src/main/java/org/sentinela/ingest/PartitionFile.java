package org.sentinela.ingest;

import java.nio.file.Path;
import org.sentinela.ingest.run.CommitIngestTasklet;
import org.sentinela.model.RecordSource;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;

/**
 * The file one partition ingests and where its output goes: read from the partition's execution
 * context (written by {@link InputPartitioner}) and the job's parameters.
 *
 * @param zipEntry the entry read inside a zip archive, or null for a plain file
 */
record PartitionFile(
    RecordSource source,
    Path path,
    String zipEntry,
    String fileName,
    String slug,
    String runId,
    Path lake) {

  /** The file of {@code partition}. */
  static PartitionFile of(StepExecution partition) {
    ExecutionContext context = partition.getExecutionContext();
    JobParameters parameters = partition.getJobParameters();
    String zipEntry = context.getString(InputPartitioner.ZIP_ENTRY_KEY);
    return new PartitionFile(
        RecordSource.valueOf(context.getString(InputPartitioner.SOURCE_KEY)),
        Path.of(context.getString(InputPartitioner.PATH_KEY)),
        zipEntry.isEmpty() ? null : zipEntry,
        context.getString(CommitIngestTasklet.FILE_NAME_KEY),
        context.getString(InputPartitioner.SLUG_KEY),
        parameters.getString("runId"),
        Path.of(parameters.getString("lake")));
  }
}
