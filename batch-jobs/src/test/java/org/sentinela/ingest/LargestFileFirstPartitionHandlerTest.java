package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

/** The order in which the file partitions run: largest input first, on real files. */
class LargestFileFirstPartitionHandlerTest {

  @TempDir Path dir;

  private final JobExecution job = new JobExecution(1L);

  @Test
  void runsTheLargestInputFirstCountingAZipEntryByItsUncompressedSize() throws IOException {
    StepExecution small = partition("202101_Compras.csv", file("202101_Compras.csv", 1_000), "");
    StepExecution large = partition("202102_Compras.csv", file("202102_Compras.csv", 3_000), "");
    StepExecution zipped = partition("202103.zip", zip("202103.zip", 5_000), "202103_Compras.csv");
    StepExecution middle = partition("202104_Compras.csv", file("202104_Compras.csv", 2_000), "");
    StepExecution gone = partition("202105_Compras.csv", dir.resolve("202105_Compras.csv"), "");

    Set<StepExecution> partitions = new HashSet<>(List.of(small, large, zipped, middle, gone));

    assertThat(LargestFileFirstPartitionHandler.largestFirst(partitions))
        .as("a vanished file goes last: its step fails with the reader's message")
        .containsExactly(zipped, large, middle, small, gone);
  }

  @Test
  void ordersEqualSizesByStepName() throws IOException {
    StepExecution b = partition("b.csv", file("b.csv", 10), "");
    StepExecution a = partition("a.csv", file("a.csv", 10), "");

    assertThat(LargestFileFirstPartitionHandler.largestFirst(Set.of(b, a))).containsExactly(a, b);
  }

  private StepExecution partition(String name, Path path, String zipEntry) {
    StepExecution step = new StepExecution("ingestFile:" + name, job);
    step.getExecutionContext().putString(InputPartitioner.PATH_KEY, path.toString());
    step.getExecutionContext().putString(InputPartitioner.ZIP_ENTRY_KEY, zipEntry);
    return step;
  }

  private Path file(String name, int bytes) throws IOException {
    return Files.write(dir.resolve(name), new byte[bytes]);
  }

  /** A zip whose Compras entry holds {@code bytes} zeros: smaller on disk than any file here. */
  private Path zip(String name, int bytes) throws IOException {
    Path zip = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream entries = new ZipOutputStream(out)) {
      entries.putNextEntry(new ZipEntry(name.replace(".zip", "_Compras.csv")));
      entries.write(new byte[bytes]);
      entries.closeEntry();
    }
    assertThat(Files.size(zip)).isLessThan(1_000);
    return zip;
  }
}
