package org.sentinela.ingest;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.item.ExecutionContext;

/**
 * Runs the file partitions largest input first. Spring Batch hands them over in a hash set's order,
 * so which file ran last changed from run to run; when a large file comes last, one thread reads it
 * alone while the other cores idle (at 4 M rows a monthly file takes several seconds). Largest
 * first leaves the small files to the end, where they fill the gaps between threads.
 */
final class LargestFileFirstPartitionHandler extends TaskExecutorPartitionHandler {

  @Override
  protected Set<StepExecution> doHandle(
      StepExecution managerStepExecution, Set<StepExecution> partitionStepExecutions)
      throws Exception {
    return super.doHandle(
        managerStepExecution, new LinkedHashSet<>(largestFirst(partitionStepExecutions)));
  }

  /** The partitions by their input's size, largest first; equal sizes by step name. */
  static List<StepExecution> largestFirst(Collection<StepExecution> partitions) {
    List<StepExecution> ordered = new ArrayList<>(partitions);
    ordered.sort(
        Comparator.comparingLong(LargestFileFirstPartitionHandler::inputBytes)
            .reversed()
            .thenComparing(StepExecution::getStepName));
    return ordered;
  }

  /**
   * The bytes of the partition's file (a zip entry's uncompressed size); -1 when unknown, e.g. a
   * file gone since it was listed, whose step then fails with the reader's own message.
   */
  private static long inputBytes(StepExecution partition) {
    ExecutionContext context = partition.getExecutionContext();
    if (!context.containsKey(InputPartitioner.PATH_KEY)) {
      return -1;
    }
    String zipEntry = context.getString(InputPartitioner.ZIP_ENTRY_KEY, "");
    try {
      return InputFiles.size(
          Path.of(context.getString(InputPartitioner.PATH_KEY)),
          zipEntry.isEmpty() ? null : zipEntry);
    } catch (UncheckedIOException e) {
      return -1;
    }
  }
}
