package org.sentinela.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentinela.datagen.GeneratorOptions;
import org.sentinela.datagen.PortalDataGenerator;

/**
 * The whole benchmark on a small generated data set: the real ingest and the real Spark conversion,
 * each in its child JVM, with the embedded PostgreSQL as job repository. One data set keeps it to
 * four JVM start-ups; {@link TargetsTest} covers the comparison across sizes.
 */
class IngestBenchmarkEndToEndTest {

  private static final Path REPO = Path.of("").toAbsolutePath().getParent();
  private static final Path WORK = Path.of("target", "e2e").toAbsolutePath();

  @Test
  void measuresTheIngestAndSparkOnTheSameFilesAndJudgesTheTargets() throws IOException {
    // The ingest runs from batch-jobs' build output: `mvn verify` packages it before this module.
    boolean built = Files.isRegularFile(REPO.resolve("batch-jobs/target/runtime-classpath.txt"));
    if (System.getenv("CI") == null) {
      assumeThat(built).as("batch-jobs is packaged").isTrue();
    }
    Folders.delete(WORK);
    Path data = generate(3_000);

    List<Measurement> results =
        IngestBenchmark.run(new BenchmarkOptions(REPO, WORK, List.of(data), "512m", "1g", false));

    assertThat(results)
        .extracting(Measurement::engine, Measurement::rows)
        .containsExactly(tuple(ResultTable.INGEST, 3_000L), tuple(ResultTable.SPARK, 3_000L));
    for (Measurement m : results) {
      assertThat(m.peakRssKb()).as(m.engine() + " RSS").isGreaterThan(50 * 1024);
      assertThat(m.cpuSeconds()).as(m.engine() + " CPU").isPositive();
      assertThat(m.gc().pauses()).as(m.engine() + " GC log").isPositive();
    }
    assertThat(ResultTable.format(results))
        .contains("3,000 rows: ingest / Spark throughput =")
        .contains("heap <= 512 MB at 3,000 rows: peak");
    assertThat(WORK.resolve("lake-3000")).doesNotExist();
    assertThat(WORK.resolve("spark-3000")).doesNotExist();
  }

  private static Path generate(long rows) throws IOException {
    Path out = WORK.resolve("data");
    PortalDataGenerator.generate(GeneratorOptions.clean(out, rows, YearMonth.of(2021, 1), 4, 42));
    assertThat(IngestBenchmark.comprasFiles(out)).hasSize(4);
    return out;
  }
}
