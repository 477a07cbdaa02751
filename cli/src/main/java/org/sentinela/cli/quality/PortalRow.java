package org.sentinela.cli.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.sentinela.datagen.PortalFormat;

/**
 * The columns of one Portal "Compras" row that the naive rule and the matcher need, read from the
 * generated files.
 */
public record PortalRow(
    String unitCode,
    String contractNumber,
    LocalDate signatureDate,
    double initialValue,
    double finalValue) {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final int NUMBER = PortalFormat.COLUMNS.indexOf("Número do Contrato");
  private static final int UNIT = PortalFormat.COLUMNS.indexOf("Código UG");
  private static final int SIGNED = PortalFormat.COLUMNS.indexOf("Data Assinatura Contrato");
  private static final int INITIAL = PortalFormat.COLUMNS.indexOf("Valor Inicial Compra");
  private static final int FINAL = PortalFormat.COLUMNS.indexOf("Valor Final Compra");

  public PortalRow {
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(contractNumber, "contractNumber");
  }

  /** Every row of the {@code *_Compras.csv} files in {@code folder}, file by file. */
  public static List<PortalRow> readFolder(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().endsWith("_Compras.csv"))
              .sorted()
              .toList();
    }
    List<PortalRow> rows = new ArrayList<>();
    for (Path file : files) {
      try (BufferedReader in = Files.newBufferedReader(file, PortalFormat.CHARSET)) {
        in.readLine();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          rows.add(parse(line));
        }
      }
    }
    return rows;
  }

  /** Parses one data line written by datagen (every field quoted, {@code ;}-separated). */
  static PortalRow parse(String line) {
    String[] f = line.substring(1, line.length() - 1).split("\";\"", -1);
    if (f.length != PortalFormat.COLUMNS.size()) {
      throw new IllegalArgumentException(
          "expected " + PortalFormat.COLUMNS.size() + " fields, got " + f.length + ": " + line);
    }
    return new PortalRow(
        f[UNIT],
        f[NUMBER],
        f[SIGNED].isEmpty() ? null : LocalDate.parse(f[SIGNED], DATE),
        money(f[INITIAL]),
        money(f[FINAL]));
  }

  private static double money(String text) {
    return text.isEmpty() ? 0 : Double.parseDouble(text.replace(',', '.'));
  }
}
