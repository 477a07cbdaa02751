package org.sentinela.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetWriter;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.ContractSchema;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamWriter;

/**
 * Writes one input file's accepted records into a staging snapshot, one Parquet file per signature
 * year/month partition: {@code sign_year=Y/sign_month=M/part-SLUG.parquet}. File names depend only
 * on the input file, so the same input always gives the same files.
 */
public class PartitionedContractWriter
    implements ItemStreamWriter<ContractRecord>, StepExecutionListener {

  /** Columns with (nearly) a distinct value per row: a dictionary would not pay. */
  static final Set<String> COLUMNS_WITHOUT_DICTIONARY =
      Set.of(
          ContractSchema.SOURCE_RECORD,
          ContractSchema.RECORD_HASH,
          ContractSchema.NATURAL_KEY,
          ContractSchema.CONTRACT_NUMBER,
          ContractSchema.SUPPLIER_ID,
          ContractSchema.SUPPLIER_NAME,
          ContractSchema.OBJECT_TEXT,
          ContractSchema.INITIAL_VALUE,
          ContractSchema.FINAL_VALUE);

  private final Path stagingSnapshot;
  private final String fileSlug;
  private final Map<String, ParquetWriter<ContractRecord>> writers = new TreeMap<>();

  public PartitionedContractWriter(Path stagingSnapshot, String fileSlug) {
    this.stagingSnapshot = stagingSnapshot;
    this.fileSlug = fileSlug;
  }

  @Override
  public void open(ExecutionContext context) {
    // A restarted step starts its file again: nothing half-written from before may survive.
    if (!Files.isDirectory(stagingSnapshot)) {
      return;
    }
    try (var partitions = Files.find(stagingSnapshot, 3, (p, a) -> isOurs(p))) {
      for (Path stale : partitions.toList()) {
        Files.delete(stale);
      }
    } catch (IOException e) {
      throw new ItemStreamException("cannot clear earlier output of " + fileSlug, e);
    }
  }

  @Override
  public void write(Chunk<? extends ContractRecord> chunk) throws IOException {
    for (ContractRecord record : chunk) {
      writerFor(record).write(record);
    }
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    close();
    return stepExecution.getExitStatus();
  }

  @Override
  public void close() {
    IOException failure = null;
    for (ParquetWriter<ContractRecord> writer : writers.values()) {
      try {
        writer.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    writers.clear();
    if (failure != null) {
      throw new ItemStreamException("cannot close the Parquet files of " + fileSlug, failure);
    }
  }

  private ParquetWriter<ContractRecord> writerFor(ContractRecord record) {
    int year = record.signatureDate().getYear();
    int month = record.signatureDate().getMonthValue();
    String partition =
        ContractSchema.SIGN_YEAR + "=" + year + "/" + ContractSchema.SIGN_MONTH + "=" + month;
    return writers.computeIfAbsent(partition, this::open);
  }

  private ParquetWriter<ContractRecord> open(String partition) {
    try {
      Path folder = stagingSnapshot.resolve(partition);
      Files.createDirectories(folder);
      return ParquetFiles.openWriter(
          folder.resolve(fileName()), new ContractWriteSupport(), COLUMNS_WITHOUT_DICTIONARY);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a Parquet file in " + partition, e);
    }
  }

  private String fileName() {
    return "part-" + fileSlug + ".parquet";
  }

  private boolean isOurs(Path path) {
    return path.getFileName().toString().equals(fileName());
  }
}
