package org.sentinela.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sentinela.ingest.InputFile.Status;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.model.RecordSource;

/**
 * Finds the files of an input folder and decides, from name and first line, which to ingest. A file
 * named like a contract file whose content is not one (an HTML error page, another header) is
 * FAILED with the reason; the other files go on.
 */
public final class InputFileScanner {

  private InputFileScanner() {}

  /** The regular, non-hidden files of {@code folder} (not recursive), sorted by name. */
  public static List<InputFile> scan(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("input folder does not exist: " + folder);
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .map(InputFileScanner::classify)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input folder " + folder, e);
    }
  }

  static InputFile classify(Path file) {
    String name = file.getFileName().toString();
    if (!name.matches(PortalComprasFormat.FILE_NAME_PATTERN)) {
      return new InputFile(file, null, Status.IGNORED, "not a contract file Sentinela reads");
    }
    String firstLine = firstLine(file);
    String expected = PortalComprasFormat.headerLine();
    if (firstLine.equals(expected)) {
      return new InputFile(file, RecordSource.PORTAL_COMPRAS, Status.INGEST, null);
    }
    String start = firstLine.strip().toLowerCase(Locale.ROOT);
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
      return new InputFile(
          file,
          RecordSource.PORTAL_COMPRAS,
          Status.FAILED,
          "is an HTML page, not a Compras CSV (a failed download?)");
    }
    String shown = firstLine.length() > 120 ? firstLine.substring(0, 120) + "…" : firstLine;
    return new InputFile(
        file,
        RecordSource.PORTAL_COMPRAS,
        Status.FAILED,
        "header is not the Portal Compras header: expected " + expected + " but found " + shown);
  }

  private static String firstLine(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, PortalComprasFormat.CHARSET)) {
      String line = reader.readLine();
      return line == null ? "" : line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
