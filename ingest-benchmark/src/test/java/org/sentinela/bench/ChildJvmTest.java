package org.sentinela.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

  @TempDir Path dir;

  @Test
  void readsCpuTicksAfterACommandNameWithSpacesAndParentheses() throws IOException {
    Path stat = dir.resolve("stat");
    Files.writeString(
        stat, "4242 (java (main) x) S 1 4242 1 0 -1 4194560 9000 0 12 0 1234 56 0 0 20 0 31 0\n");

    assertThat(ChildJvm.cpuTicks(stat)).isEqualTo(1234 + 56);
    assertThat(ChildJvm.cpuTicks(dir.resolve("gone"))).isZero();
  }

  @Test
  void measuresARealChildJvmThatBurnsCpuAndMemory() throws IOException {
    Path log = dir.resolve("child.log");
    // A second of one busy core holding 64 MB touched: wall, CPU and peak RSS must all show it.
    Path source = dir.resolve("Burn.java");
    Files.writeString(
        source,
        """
        class Burn {
          public static void main(String[] args) {
            byte[] held = new byte[64 << 20];
            java.util.Arrays.fill(held, (byte) 1);
            long end = System.nanoTime() + 1_000_000_000L;
            long spins = 0;
            while (System.nanoTime() < end) {
              spins++;
            }
            System.out.println(spins > 0 && held[held.length - 1] == 1 ? "done" : "?");
          }
        }
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(java, "-Xmx256m", source.toString());

    ChildJvm.Run run = ChildJvm.run(command, Map.of(), log);

    assertThat(run.exitCode()).isZero();
    assertThat(run.wallSeconds()).isGreaterThanOrEqualTo(1.0);
    // the spin is one core, but the source launcher compiles Burn.java and the JIT works on
    // other threads meanwhile: at most every core for the whole life of the child
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(run.cpuSeconds()).isBetween(0.5, cores * run.wallSeconds() + 0.1);
    assertThat(run.peakRssKb()).isGreaterThan(64 * 1024);
    assertThat(log).content().isEqualTo("done\n");
  }
}
