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

/** Opens Parquet writers on local files with the lake's settings (Snappy, no Hadoop cluster). */
final class ParquetFiles {

  private ParquetFiles() {}

  static ParquetWriter<Group> openWriter(
      Path file, MessageType schema, Map<String, String> metadata) throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(schema)
        .withExtraMetaData(metadata)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }
}
