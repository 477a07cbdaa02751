package org.sentinela.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sentinela.ingest.InputFile.Status;
import org.sentinela.ingest.comprasgov.ComprasGovContractReader;
import org.sentinela.ingest.json.JsonFileSniffer;
import org.sentinela.ingest.pncp.PncpContractReader;
import org.sentinela.ingest.portal.PortalAmendmentFormat;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.model.RecordSource;

/**
 * Finds the files of an input folder and decides, from name and first line, which to ingest. A file
 * named like a contract file whose content is not one (an HTML error page, another header) is
 * FAILED with the reason; the other files go on. A Portal monthly zip gives its Compras entry and,
 * when it holds one, its TermoAditivo entry.
 */
public final class InputFileScanner {

  private static final int HEAD_BYTES = 1024;
  private static final int JSON_HEAD_BYTES = 64 * 1024;

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
          .flatMap(file -> Stream.concat(Stream.of(classify(file)), zippedAmendments(file)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input folder " + folder, e);
    }
  }

  static InputFile classify(Path file) {
    String name = file.getFileName().toString();
    if (name.matches(PortalComprasFormat.ZIP_NAME_PATTERN)) {
      return classifyZip(file);
    }
    if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
      return classifyJson(file);
    }
    if (name.matches(PortalAmendmentFormat.FILE_NAME_PATTERN)) {
      return classifyAmendments(file, null, head(InputFiles.open(file, null)));
    }
    if (!name.matches(PortalComprasFormat.FILE_NAME_PATTERN)) {
      return InputFile.plain(file, null, Status.IGNORED, "not a contract file Sentinela reads");
    }
    return classifyCompras(file, null, head(InputFiles.open(file, null)));
  }

  /**
   * A JSON file is recognised by its records' fields: PNCP records carry {@code
   * numeroControlePNCP}, Contratos.gov.br records a {@code contratante}.
   */
  private static InputFile classifyJson(Path file) {
    String head;
    try (InputStream in = InputFiles.open(file, null)) {
      head = new String(in.readNBytes(JSON_HEAD_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    RecordSource source;
    String format;
    if (head.contains("\"numeroControlePNCP\"")) {
      source = RecordSource.PNCP;
      format = PncpContractReader.FORMAT_NAME;
    } else if (head.contains("\"contratante\"")) {
      source = RecordSource.CONTRATOS_GOV_BR;
      format = ComprasGovContractReader.FORMAT_NAME;
    } else if (looksLikeHtml(head)) {
      return InputFile.plain(
          file,
          null,
          Status.FAILED,
          "is an HTML page, not a JSON contract file (a failed download?)");
    } else {
      return InputFile.plain(
          file,
          null,
          Status.IGNORED,
          "JSON of no source Sentinela reads (no numeroControlePNCP or contratante field)");
    }
    return JsonFileSniffer.problem(file, StandardCharsets.UTF_8, format)
        .map(problem -> InputFile.plain(file, source, Status.FAILED, problem))
        .orElseGet(() -> InputFile.plain(file, source, Status.INGEST, null));
  }

  private static InputFile classifyZip(Path file) {
    if (!InputFiles.isZipArchive(file)) {
      String problem =
          looksLikeHtml(head(InputFiles.open(file, null)))
              ? "is an HTML page, not a zip archive (a failed download?)"
              : "is not a zip archive";
      return InputFile.plain(file, RecordSource.PORTAL_COMPRAS, Status.FAILED, problem);
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<String> compras =
          zip.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.matches("(.*/)?" + PortalComprasFormat.FILE_NAME_PATTERN))
              .toList();
      if (compras.size() != 1) {
        return InputFile.plain(
            file,
            RecordSource.PORTAL_COMPRAS,
            Status.FAILED,
            "holds " + compras.size() + " AAAAMM_Compras.csv entries, expected exactly one");
      }
      String entry = compras.get(0);
      return classifyCompras(file, entry, head(InputFiles.open(file, entry)));
    } catch (IOException e) {
      return InputFile.plain(
          file, RecordSource.PORTAL_COMPRAS, Status.FAILED, "is a damaged zip archive: " + e);
    }
  }

  /** The TermoAditivo entry of a Portal monthly zip, if it holds one; nothing for other files. */
  private static Stream<InputFile> zippedAmendments(Path file) {
    if (!file.getFileName().toString().matches(PortalComprasFormat.ZIP_NAME_PATTERN)
        || !InputFiles.isZipArchive(file)) {
      return Stream.empty();
    }
    List<String> entries;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      entries =
          zip.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.matches("(.*/)?" + PortalAmendmentFormat.FILE_NAME_PATTERN))
              .toList();
    } catch (IOException damaged) {
      return Stream.empty(); // the zip itself is recorded as FAILED by classify
    }
    if (entries.isEmpty()) {
      return Stream.empty();
    }
    String entry = entries.get(0);
    if (entries.size() > 1) {
      return Stream.of(
          new InputFile(
              file,
              entry,
              RecordSource.PORTAL_TERMO_ADITIVO,
              Status.FAILED,
              "holds " + entries.size() + " AAAAMM_TermoAditivo.csv entries, expected one"));
    }
    return Stream.of(classifyAmendments(file, entry, head(InputFiles.open(file, entry))));
  }

  private static InputFile classifyAmendments(Path file, String entry, String head) {
    return classifyPortalCsv(
        file,
        entry,
        head,
        RecordSource.PORTAL_TERMO_ADITIVO,
        PortalAmendmentFormat.headerLine(),
        "TermoAditivo");
  }

  private static InputFile classifyCompras(Path file, String entry, String head) {
    return classifyPortalCsv(
        file,
        entry,
        head,
        RecordSource.PORTAL_COMPRAS,
        PortalComprasFormat.headerLine(),
        "Compras");
  }

  /** A Portal CSV is ingested when its first line is exactly the format's header. */
  private static InputFile classifyPortalCsv(
      Path file, String entry, String head, RecordSource source, String expected, String format) {
    String firstLine = head.lines().findFirst().orElse("");
    if (firstLine.equals(expected)) {
      return new InputFile(file, entry, source, Status.INGEST, null);
    }
    if (looksLikeHtml(head)) {
      return new InputFile(
          file,
          entry,
          source,
          Status.FAILED,
          "is an HTML page, not a " + format + " CSV (a failed download?)");
    }
    String shown = firstLine.length() > 120 ? firstLine.substring(0, 120) + "…" : firstLine;
    return new InputFile(
        file,
        entry,
        source,
        Status.FAILED,
        "header is not the Portal "
            + format
            + " header: expected "
            + expected
            + " but found "
            + shown);
  }

  /** True if the text starts, after blank space, like an HTML page (the Portal's error page). */
  private static boolean looksLikeHtml(String head) {
    String start = head.strip().toLowerCase(Locale.ROOT);
    return start.startsWith("<!doctype html") || start.startsWith("<html");
  }

  /** The first kilobyte of a stream as Latin-1 text (every byte decodes). */
  private static String head(InputStream in) {
    try (in) {
      return new String(in.readNBytes(HEAD_BYTES), PortalComprasFormat.CHARSET);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the start of an input file", e);
    }
  }
}
