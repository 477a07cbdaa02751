package org.sentinela.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.model.RecordSource;

/**
 * The quarantine of one input file: every rejected record with its reason, the raw text and its
 * lineage, in {@code part-SLUG.parquet} of the staging quarantine snapshot. Also counts reasons.
 */
public final class QuarantineWriter implements AutoCloseable {

  /** Schema of the quarantine table (documented in docs/lake.md). */
  public static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          """
          message quarantined_record {
            required binary source (STRING);
            required binary source_file (STRING);
            required int64 source_record;
            required binary ingest_run_id (STRING);
            required binary reason (STRING);
            required binary detail (STRING);
            required binary raw_record (STRING);
          }
          """);

  private final Path file;
  private final RecordSource source;
  private final String sourceFile;
  private final String runId;
  private final SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);
  private final Map<RejectionReason, Long> counts = new EnumMap<>(RejectionReason.class);
  private ParquetWriter<Group> writer;

  public QuarantineWriter(
      Path stagingSnapshot, String fileSlug, RecordSource source, String sourceFile, String runId) {
    this.file = stagingSnapshot.resolve("part-" + fileSlug + ".parquet");
    this.source = source;
    this.sourceFile = sourceFile;
    this.runId = runId;
  }

  /** Adds one rejected record. */
  public synchronized void quarantine(
      long sourceRecord, RejectionReason reason, String detail, String rawRecord) {
    try {
      if (writer == null) {
        Files.createDirectories(file.getParent());
        writer = ParquetFiles.openGroupWriter(file, SCHEMA);
      }
      Group g = factory.newGroup();
      g.add("source", source.name());
      g.add("source_file", sourceFile);
      g.add("source_record", sourceRecord);
      g.add("ingest_run_id", runId);
      g.add("reason", reason.name());
      g.add("detail", detail == null ? "" : detail);
      g.add("raw_record", rawRecord == null ? "" : rawRecord);
      writer.write(g);
      counts.merge(reason, 1L, Long::sum);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the quarantine file " + file, e);
    }
  }

  /** Quarantined records so far, by reason. */
  public synchronized Map<RejectionReason, Long> counts() {
    return Map.copyOf(counts);
  }

  /** Removes what an earlier, interrupted attempt wrote for this file. */
  public synchronized void reset() throws IOException {
    close();
    counts.clear();
    Files.deleteIfExists(file);
  }

  @Override
  public synchronized void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
