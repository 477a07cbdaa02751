package org.sentinela.ingest;

import java.nio.file.Path;
import java.util.Objects;
import org.sentinela.model.RecordSource;

/**
 * A file found in the input folder and what will be done with it.
 *
 * @param path the file
 * @param zipEntry the entry read inside a zip archive, or null for a plain file
 * @param source the source format, when the file is one Sentinela reads
 * @param status {@code INGEST}, {@code IGNORED} (not a contract file) or {@code FAILED} (claims to
 *     be one but is not)
 * @param problem why it is ignored or failed, else null
 */
public record InputFile(
    Path path, String zipEntry, RecordSource source, Status status, String problem) {

  /** What happens to a file. */
  public enum Status {
    INGEST,
    IGNORED,
    FAILED
  }

  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    if (status == Status.INGEST && source == null) {
      throw new IllegalArgumentException("a file to ingest needs a source: " + path);
    }
  }

  /** A plain file: no zip entry. */
  public static InputFile plain(Path path, RecordSource source, Status status, String problem) {
    return new InputFile(path, null, source, status, problem);
  }

  /** The file name, with {@code !entry} for a zip entry: {@code 202101.zip!202101_Compras.csv}. */
  public String name() {
    String file = path.getFileName().toString();
    return zipEntry == null ? file : file + "!" + zipEntry;
  }

  /** A name safe for output file names, unique within one input folder. */
  public String slug() {
    return name().replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
