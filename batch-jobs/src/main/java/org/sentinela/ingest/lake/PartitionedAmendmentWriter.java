package org.sentinela.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.sentinela.model.AmendmentRecord;
import org.sentinela.model.AmendmentSchema;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamWriter;

/**
 * Writes one TermoAditivo file's accepted amendments into a staging snapshot, one Parquet file per
 * publication year/month: {@code pub_year=Y/pub_month=M/part-SLUG.parquet}. File names depend only
 * on the input file, so the same input always gives the same files.
 */
public class PartitionedAmendmentWriter
    implements ItemStreamWriter<AmendmentRecord>, StepExecutionListener {

  private final Path stagingSnapshot;
  private final String fileName;
  private final AmendmentGroupMapper mapper = new AmendmentGroupMapper();
  private final Map<String, ParquetWriter<Group>> writers = new TreeMap<>();

  public PartitionedAmendmentWriter(Path stagingSnapshot, String fileSlug) {
    this.stagingSnapshot = stagingSnapshot;
    this.fileName = "part-" + fileSlug + ".parquet";
  }

  @Override
  public void open(ExecutionContext context) {
    // A restarted step starts its file again: nothing half-written from before may survive.
    if (!Files.isDirectory(stagingSnapshot)) {
      return;
    }
    try (var stale =
        Files.find(stagingSnapshot, 3, (p, a) -> p.getFileName().toString().equals(fileName))) {
      for (Path part : stale.toList()) {
        Files.delete(part);
      }
    } catch (IOException e) {
      throw new ItemStreamException("cannot clear earlier output " + fileName, e);
    }
  }

  @Override
  public void write(Chunk<? extends AmendmentRecord> chunk) throws IOException {
    for (AmendmentRecord record : chunk) {
      String partition =
          AmendmentSchema.PUB_YEAR
              + "="
              + record.publicationDate().getYear()
              + "/"
              + AmendmentSchema.PUB_MONTH
              + "="
              + record.publicationDate().getMonthValue();
      writers.computeIfAbsent(partition, this::open).write(mapper.toGroup(record));
    }
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    return StepOutput.closeOrFail(stepExecution, this::close);
  }

  @Override
  public void close() {
    IOException failure = null;
    for (ParquetWriter<Group> writer : writers.values()) {
      try {
        writer.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    writers.clear();
    if (failure != null) {
      throw new ItemStreamException("cannot close the Parquet files " + fileName, failure);
    }
  }

  private ParquetWriter<Group> open(String partition) {
    try {
      Path folder = stagingSnapshot.resolve(partition);
      Files.createDirectories(folder);
      return ParquetFiles.openGroupWriter(
          folder.resolve(fileName),
          AmendmentGroupMapper.SCHEMA,
          Map.of(AmendmentSchema.VERSION_METADATA_KEY, String.valueOf(AmendmentSchema.VERSION)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a Parquet file in " + partition, e);
    }
  }
}
