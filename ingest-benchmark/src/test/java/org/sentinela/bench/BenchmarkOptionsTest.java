package org.sentinela.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkOptionsTest {

  @TempDir Path data;

  @Test
  void readsEveryArgumentWithTheNightlyHeapAsDefault() {
    BenchmarkOptions o =
        BenchmarkOptions.parse(
            "--work", "/tmp/w", "--data", data.toString(), "--data", data.toString(), "--keep");

    assertThat(o.dataSets()).containsExactly(data, data);
    assertThat(o.ingestHeap()).isEqualTo("512m");
    assertThat(o.sparkHeap()).isEqualTo("1g");
    assertThat(o.keep()).isTrue();
  }

  @Test
  void namesTheArgumentAndTheBadValue() {
    assertThatThrownBy(
            () ->
                BenchmarkOptions.parse(
                    "--work", "/tmp/w", "--data", data.toString(), "--ingest-heap", "lots"))
        .hasMessage("--ingest-heap must be a JVM heap size such as 512m or 1g, got 'lots'");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--work", "/tmp/w", "--data", "/no/such"))
        .hasMessage("--data must be a folder, got '/no/such'");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--work", "/tmp/w"))
        .hasMessageContaining("--data is required");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--rows", "5"))
        .hasMessage("unknown argument '--rows'");
  }
}
