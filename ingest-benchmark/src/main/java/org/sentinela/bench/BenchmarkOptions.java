package org.sentinela.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The benchmark's arguments: {@code --repo DIR --work DIR --data DIR [--data DIR…] [--ingest-heap
 * 512m] [--spark-heap 1g] [--keep]}.
 *
 * @param repo the built Sentinela checkout whose batch-jobs and ingest-benchmark modules run
 * @param work where the database, lakes, Parquet output and logs go
 * @param dataSets folders of {@code *_Compras.csv} files, one measurement each, in order
 * @param ingestHeap {@code -Xmx} of the ingest JVM (the nightly's default is 512m)
 * @param sparkHeap {@code -Xmx} of the Spark JVM (Spark's default driver memory is 1g)
 * @param keep keep the lakes and Parquet output instead of deleting them after measuring
 */
public record BenchmarkOptions(
    Path repo, Path work, List<Path> dataSets, String ingestHeap, String sparkHeap, boolean keep) {

  public BenchmarkOptions {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(work, "work");
    dataSets = List.copyOf(dataSets);
    if (dataSets.isEmpty()) {
      throw new IllegalArgumentException("--data is required: a folder of *_Compras.csv files");
    }
    for (Path data : dataSets) {
      if (!Files.isDirectory(data)) {
        throw new IllegalArgumentException("--data must be a folder, got '" + data + "'");
      }
    }
    requireHeap("--ingest-heap", ingestHeap);
    requireHeap("--spark-heap", sparkHeap);
  }

  /** Parses the command line; errors name the argument and the bad value. */
  public static BenchmarkOptions parse(String... args) {
    Path repo = Path.of(".");
    Path work = null;
    List<Path> data = new ArrayList<>();
    String ingestHeap = "512m";
    String sparkHeap = "1g";
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--keep" -> keep = true;
        case "--repo" -> repo = Path.of(value(args, ++i, arg));
        case "--work" -> work = Path.of(value(args, ++i, arg));
        case "--data" -> data.add(Path.of(value(args, ++i, arg)));
        case "--ingest-heap" -> ingestHeap = value(args, ++i, arg);
        case "--spark-heap" -> sparkHeap = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    if (work == null) {
      throw new IllegalArgumentException("--work is required: a folder for the benchmark's files");
    }
    return new BenchmarkOptions(repo, work, data, ingestHeap, sparkHeap, keep);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  private static void requireHeap(String name, String value) {
    if (value == null || !value.matches("\\d+[kmgKMG]?")) {
      throw new IllegalArgumentException(
          name + " must be a JVM heap size such as 512m or 1g, got '" + value + "'");
    }
  }
}
