package org.sentinela.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sentinela.ingest.run.CommitIngestTasklet;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/** One partition per input file to ingest; ignored and failed files get none. */
public class InputPartitioner implements Partitioner {

  /** Execution-context key: absolute path of the file a partition reads. */
  public static final String PATH_KEY = "path";

  /** Execution-context key: the entry read inside a zip archive ("" for a plain file). */
  public static final String ZIP_ENTRY_KEY = "zipEntry";

  /** Execution-context key: the file's slug, used in output file names. */
  public static final String SLUG_KEY = "slug";

  private final Path input;

  public InputPartitioner(Path input) {
    this.input = input;
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
    for (InputFile file : InputFileScanner.scan(input)) {
      if (file.status() == InputFile.Status.INGEST) {
        ExecutionContext context = new ExecutionContext();
        context.putString(PATH_KEY, file.path().toAbsolutePath().toString());
        context.putString(ZIP_ENTRY_KEY, file.zipEntry() == null ? "" : file.zipEntry());
        context.putString(SLUG_KEY, file.slug());
        context.putString(CommitIngestTasklet.FILE_NAME_KEY, file.name());
        partitions.put(file.name(), context);
      }
    }
    return partitions;
  }
}
