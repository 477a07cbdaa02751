package org.sentinela.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>A monthly file's rows fall mostly in two or three months and thinly over a hundred others. A
 * partition gets an open writer once it has {@value #RECORDS_BEFORE_WRITER} records; until then its
 * records are held, and the thin partitions are written one after the other when the file ends.
 * Holding at most {@value #HELD_RECORDS_LIMIT} records (the fullest partition gets its writer
 * beyond that) keeps the heap bounded, and far fewer writers are open at once: each costs its
 * buffers, and the garbage collector copies them while they fill. Rows keep their input order.
 *
 * <p>The more rows a file has per month, the more months get a writer and the more each holds: an
 * open writer costs about 1–2 MB however few its rows (page buffers, dictionaries, the encoded ids
 * of a page's 20,000 rows) and buffers its month's pages up to a row group (8 MB). A file of 1 M
 * rows kept about 60 writers open per thread and ran out of a 512 MB heap. So when more than
 * {@value #OPEN_WRITERS_LIMIT} writers are open, or they buffer more than {@value
 * #BUFFERED_BYTES_LIMIT} bytes together, the one buffering most is finished early and its month's
 * later rows go to a further part, {@code part-SLUG.2.parquet}, then {@code .3}: the heap stays
 * bounded whatever the size of the input file, and the parts still depend only on the input.
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

  /** Text columns whose minimum and maximum would prune nothing: no statistics kept. */
  static final Set<String> COLUMNS_WITHOUT_STATISTICS =
      Set.of(
          ContractSchema.RECORD_HASH,
          ContractSchema.NATURAL_KEY,
          ContractSchema.CONTRACT_NUMBER,
          ContractSchema.SUPERIOR_ORGAN_NAME,
          ContractSchema.ORGAN_NAME,
          ContractSchema.UNIT_NAME,
          ContractSchema.SUPPLIER_NAME,
          ContractSchema.MODALITY_RAW,
          ContractSchema.LEGAL_BASIS,
          ContractSchema.OBJECT_TEXT);

  static final int RECORDS_BEFORE_WRITER = 1000;
  static final int HELD_RECORDS_LIMIT = 10_000;

  /**
   * One boxed key per month from {@value #FIRST_KEYED_YEAR} for three centuries (signature dates
   * are 1950 or later), so the per-record map lookups allocate nothing and match keys by identity.
   */
  private static final int FIRST_KEYED_YEAR = 1900;

  private static final Integer[] MONTH_KEYS = monthKeys();

  /** Writers one file may keep open before the fullest is finished. */
  static final int OPEN_WRITERS_LIMIT = 24;

  /** Bytes the open writers of one file may buffer together before the fullest is finished. */
  static final long BUFFERED_BYTES_LIMIT = 48L * 1024 * 1024;

  private final Path stagingSnapshot;
  private final String fileSlug;
  private final int openWritersLimit;
  private final long bufferedBytesLimit;
  private final Map<Integer, Integer> partsFinishedEarly = new HashMap<>();
  private final Map<Integer, ParquetWriter<ContractRecord>> writers = new HashMap<>();
  private final Map<Integer, List<ContractRecord>> held = new HashMap<>();
  private int heldRecords;

  public PartitionedContractWriter(Path stagingSnapshot, String fileSlug) {
    this(stagingSnapshot, fileSlug, OPEN_WRITERS_LIMIT, BUFFERED_BYTES_LIMIT);
  }

  PartitionedContractWriter(
      Path stagingSnapshot, String fileSlug, int openWritersLimit, long bufferedBytesLimit) {
    this.stagingSnapshot = stagingSnapshot;
    this.fileSlug = fileSlug;
    this.openWritersLimit = openWritersLimit;
    this.bufferedBytesLimit = bufferedBytesLimit;
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
      Integer partition = partitionOf(record);
      ParquetWriter<ContractRecord> writer = writers.get(partition);
      if (writer != null) {
        writer.write(record);
      } else {
        hold(partition, record);
      }
    }
    boundOpenWriters();
  }

  /** The writers open now (a thin month's records are held, without one). */
  int openWriters() {
    return writers.size();
  }

  /** Finishes the fullest open writers until those left are within both limits. */
  private void boundOpenWriters() throws IOException {
    while (true) {
      long buffered = 0;
      int fullest = 0;
      long fullestBytes = -1;
      for (Map.Entry<Integer, ParquetWriter<ContractRecord>> open : writers.entrySet()) {
        long bytes = open.getValue().getDataSize();
        buffered += bytes;
        if (bytes > fullestBytes) {
          fullest = open.getKey();
          fullestBytes = bytes;
        }
      }
      if (writers.size() <= openWritersLimit && buffered <= bufferedBytesLimit) {
        return;
      }
      writers.remove(fullest).close();
      partsFinishedEarly.merge(fullest, 1, Integer::sum);
    }
  }

  private void hold(Integer partition, ContractRecord record) throws IOException {
    List<ContractRecord> records = held.computeIfAbsent(partition, p -> new ArrayList<>());
    records.add(record);
    heldRecords++;
    if (records.size() >= RECORDS_BEFORE_WRITER) {
      writeHeld(partition);
    } else if (heldRecords > HELD_RECORDS_LIMIT) {
      writeHeld(
          Collections.max(held.entrySet(), Comparator.comparingInt(e -> e.getValue().size()))
              .getKey());
    }
  }

  /** Opens the partition's writer (kept in {@link #writers}) and writes its held records. */
  private void writeHeld(Integer partition) throws IOException {
    List<ContractRecord> records = held.remove(partition);
    heldRecords -= records.size();
    ParquetWriter<ContractRecord> writer = open(partition);
    writers.put(partition, writer);
    for (ContractRecord record : records) {
      writer.write(record);
    }
  }

  /**
   * Writes the held thin months and closes every file. The step's own failures stop it earlier; a
   * failure here would lose the held records, so it fails the step (and the file) itself: Spring
   * Batch only logs what a listener throws.
   */
  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    return StepOutput.closeOrFail(stepExecution, this::close);
  }

  @Override
  public void close() {
    IOException failure = null;
    while (!held.isEmpty()) {
      Integer thin = held.keySet().iterator().next();
      try {
        writeHeld(thin);
        writers.remove(thin).close();
      } catch (IOException e) {
        failure = e;
      }
    }
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

  /** The record's signature year and month as one number: 202105. */
  private static Integer partitionOf(ContractRecord record) {
    int year = record.signatureDate().getYear();
    int month = record.signatureDate().getMonthValue();
    int slot = (year - FIRST_KEYED_YEAR) * 12 + month - 1;
    return slot >= 0 && slot < MONTH_KEYS.length ? MONTH_KEYS[slot] : year * 100 + month;
  }

  private static Integer[] monthKeys() {
    Integer[] keys = new Integer[300 * 12];
    for (int slot = 0; slot < keys.length; slot++) {
      keys[slot] = (FIRST_KEYED_YEAR + slot / 12) * 100 + slot % 12 + 1;
    }
    return keys;
  }

  private ParquetWriter<ContractRecord> open(int yearMonth) {
    String partition =
        ContractSchema.SIGN_YEAR
            + "="
            + yearMonth / 100
            + "/"
            + ContractSchema.SIGN_MONTH
            + "="
            + yearMonth % 100;
    try {
      Path folder = stagingSnapshot.resolve(partition);
      Files.createDirectories(folder);
      return ParquetFiles.openWriter(
          folder.resolve(partName(partsFinishedEarly.getOrDefault(yearMonth, 0) + 1)),
          new ContractWriteSupport(),
          COLUMNS_WITHOUT_DICTIONARY,
          COLUMNS_WITHOUT_STATISTICS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a Parquet file in " + partition, e);
    }
  }

  /** The name of a month's {@code part}-th file: 1 is {@code part-SLUG.parquet}. */
  private String partName(int part) {
    return part == 1
        ? "part-" + fileSlug + ".parquet"
        : "part-" + fileSlug + "." + part + ".parquet";
  }

  private boolean isOurs(Path path) {
    return LakeManifest.isPartOf(path.getFileName().toString(), fileSlug);
  }
}
