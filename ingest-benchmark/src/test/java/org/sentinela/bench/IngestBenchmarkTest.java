package org.sentinela.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestBenchmarkTest {

  @TempDir Path data;

  @Test
  void countsTheDataRowsOfTheComprasFilesOnly() throws IOException {
    Files.writeString(data.resolve("202101_Compras.csv"), "\"h\"\n\"a\"\n\"b\"\n");
    Files.writeString(data.resolve("202102_Compras.csv"), "\"h\"\n\"c\"");
    Files.writeString(data.resolve("202101_TermoAditivo.csv"), "\"h\"\n\"x\"\n");

    assertThat(IngestBenchmark.countRows(data)).isEqualTo(3);
  }
}
