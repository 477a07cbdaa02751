package org.sentinela.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What one ingest run reads and writes: {@code --input DIR --lake DIR --run-id ID}.
 *
 * @param input folder of source files
 * @param lake root folder of the Parquet lake
 * @param runId the run's id (letters, digits, '-', '_', '.')
 */
public record IngestOptions(Path input, Path lake, String runId) {

  public IngestOptions {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(lake, "lake");
    Objects.requireNonNull(runId, "runId");
    if (!Files.isDirectory(input)) {
      throw new IllegalArgumentException("--input must be an existing folder, got '" + input + "'");
    }
    if (!runId.matches("[A-Za-z0-9_.-]{1,100}")) {
      throw new IllegalArgumentException(
          "--run-id may hold letters, digits, '-', '_' and '.', got '" + runId + "'");
    }
  }

  /** Parses {@code --input DIR --lake DIR --run-id ID}; errors name the bad argument. */
  public static IngestOptions parse(String... args) {
    Path input = null;
    Path lake = null;
    String runId = null;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--input" -> input = Path.of(value).toAbsolutePath().normalize();
        case "--lake" -> lake = Path.of(value).toAbsolutePath().normalize();
        case "--run-id" -> runId = value;
        default ->
            throw new IllegalArgumentException(
                "unknown argument '" + name + "' (expected --input, --lake, --run-id)");
      }
    }
    if (input == null || lake == null || runId == null) {
      throw new IllegalArgumentException("usage: --input DIR --lake DIR --run-id ID");
    }
    return new IngestOptions(input, lake, runId);
  }
}
