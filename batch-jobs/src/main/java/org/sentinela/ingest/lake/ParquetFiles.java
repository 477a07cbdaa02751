package org.sentinela.ingest.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.example.GroupWriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Opens Parquet writers on local files with the lake's settings (Snappy, no Hadoop cluster). A
 * file's rows spread over many signature-month partitions, each with a writer open at once, so
 * pages, dictionaries and row groups are kept small: the heap stays bounded by the number of open
 * partitions, not by Parquet's defaults (1 MB pages, 128 MB row groups) times that number.
 *
 * <p>Each writer gets an empty Hadoop configuration: the default one parses Hadoop's XML resources
 * for every writer and keeps hundreds of properties alive per open partition. Columns whose values
 * are nearly all distinct (hashes, keys, free text) are written without a dictionary, which would
 * only be built and thrown away. Columns whose minimum and maximum prune nothing (free text, and
 * hashes and keys spread over their whole range in every row group) are written without statistics:
 * keeping them compares every long value twice (4% of the 4 M-row ingest's CPU). No column gets the
 * size statistics of Parquet 1.14+, which no reader of the lake uses.
 */
final class ParquetFiles {

  static final int PAGE_BYTES = 64 * 1024;
  static final long ROW_GROUP_BYTES = 8L * 1024 * 1024;

  private ParquetFiles() {}

  /**
   * A writer of {@code writeSupport}'s rows, with a dictionary and statistics on all but the given
   * columns.
   */
  static <T> ParquetWriter<T> openWriter(
      Path file,
      WriteSupport<T> writeSupport,
      Set<String> columnsWithoutDictionary,
      Set<String> columnsWithoutStatistics)
      throws IOException {
    return open(
        file,
        writeSupport,
        new Configuration(false),
        columnsWithoutDictionary,
        columnsWithoutStatistics,
        Map.of());
  }

  /** A writer of example {@link Group} rows of {@code schema}. */
  static ParquetWriter<Group> openGroupWriter(Path file, MessageType schema) throws IOException {
    return openGroupWriter(file, schema, Map.of());
  }

  /** A writer of example {@link Group} rows of {@code schema}, with key-value file metadata. */
  static ParquetWriter<Group> openGroupWriter(
      Path file, MessageType schema, Map<String, String> metadata) throws IOException {
    Configuration conf = new Configuration(false);
    GroupWriteSupport.setSchema(schema, conf);
    return open(file, new GroupWriteSupport(), conf, Set.of(), Set.of(), metadata);
  }

  private static <T> ParquetWriter<T> open(
      Path file,
      WriteSupport<T> writeSupport,
      Configuration conf,
      Set<String> columnsWithoutDictionary,
      Set<String> columnsWithoutStatistics,
      Map<String, String> metadata)
      throws IOException {
    Builder<T> builder =
        new Builder<>(new LocalOutputFile(file), writeSupport)
            .withConf(conf)
            .withExtraMetaData(metadata)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withPageSize(PAGE_BYTES)
            .withDictionaryPageSize(PAGE_BYTES)
            .withRowGroupSize(ROW_GROUP_BYTES)
            .withSizeStatisticsEnabled(false)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
    for (String column : columnsWithoutDictionary) {
      builder.withDictionaryEncoding(column, false);
    }
    for (String column : columnsWithoutStatistics) {
      builder.withStatisticsEnabled(column, false);
    }
    return builder.build();
  }

  /** A writer builder for any {@link WriteSupport}. */
  private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {

    private final WriteSupport<T> writeSupport;

    Builder(OutputFile file, WriteSupport<T> writeSupport) {
      super(file);
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder<T> self() {
      return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(Configuration conf) {
      return writeSupport;
    }
  }
}
