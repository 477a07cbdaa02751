package org.sentinela.ingest.lake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Opens Parquet writers on local files with the lake's settings (Snappy, no Hadoop cluster). A
 * file's rows spread over many signature-month partitions, each with a writer open at once, so
 * pages, dictionaries and row groups are kept small: the heap stays bounded by the number of open
 * partitions, not by Parquet's defaults (1 MB pages, 128 MB row groups) times that number.
 */
final class ParquetFiles {

  static final int PAGE_BYTES = 64 * 1024;
  static final long ROW_GROUP_BYTES = 8L * 1024 * 1024;

  private ParquetFiles() {}

  static ParquetWriter<Group> openWriter(
      Path file, MessageType schema, Map<String, String> metadata) throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(schema)
        .withExtraMetaData(metadata)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withPageSize(PAGE_BYTES)
        .withDictionaryPageSize(PAGE_BYTES)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }
}
