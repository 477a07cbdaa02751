package org.sentinela.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sentinela.ingest.lake.LakeManifest;
import org.sentinela.ingest.run.CommitIngestTasklet;
import org.sentinela.model.LakeLayout;
import org.sentinela.model.RecordSource;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * One partition per input file of the given sources to ingest; ignored and failed files get none,
 * and so do files the current snapshot already holds with the same content (they are carried over
 * at commit).
 */
public class InputPartitioner implements Partitioner {

  /** Execution-context key: the file's {@link org.sentinela.model.RecordSource}. */
  public static final String SOURCE_KEY = "source";

  /** Execution-context key: absolute path of the file a partition reads. */
  public static final String PATH_KEY = "path";

  /** Execution-context key: the entry read inside a zip archive ("" for a plain file). */
  public static final String ZIP_ENTRY_KEY = "zipEntry";

  /** Execution-context key: the file's slug, used in output file names. */
  public static final String SLUG_KEY = "slug";

  private final Path input;
  private final Path lake;
  private final Set<RecordSource> sources;

  public InputPartitioner(Path input, Path lake, Set<RecordSource> sources) {
    this.input = input;
    this.lake = lake;
    this.sources = Set.copyOf(sources);
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    LakeManifest current =
        LakeLayout.currentSnapshot(lake, LakeLayout.CONTRACTS)
            .map(LakeManifest::read)
            .orElse(new LakeManifest(java.util.List.of()));
    Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
    for (InputFile file : InputFileScanner.scan(input)) {
      // Only a file the snapshot names can be unchanged: the others need not be read here.
      boolean unchanged =
          current.entries().stream().anyMatch(e -> e.fileName().equals(file.name()))
              && current.find(file.name(), InputFiles.sha256(file.path())).isPresent();
      if (file.status() == InputFile.Status.INGEST
          && sources.contains(file.source())
          && !unchanged) {
        ExecutionContext context = new ExecutionContext();
        context.putString(SOURCE_KEY, file.source().name());
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
