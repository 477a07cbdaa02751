package org.sentinela.datagen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads generated Compras files back, field by field, for the tests. */
final class GeneratedFiles {

  private GeneratedFiles() {}

  /** One data row: its file and its 24 fields by column name. */
  record Row(String file, Map<String, String> fields) {
    String get(String column) {
      String value = fields.get(column);
      if (value == null) {
        throw new IllegalArgumentException("no column " + column);
      }
      return value;
    }
  }

  /** The monthly files of a folder, sorted by name. */
  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith("_Compras.csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every data row of every monthly file. */
  static List<Row> rows(Path dir) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Path file : files(dir)) {
      List<String> lines = Files.readAllLines(file, PortalFormat.CHARSET);
      for (String line : lines.subList(1, lines.size())) {
        rows.add(new Row(file.getFileName().toString(), parse(line)));
      }
    }
    return rows;
  }

  /** Splits a line whose every field is quoted and holds no quote. */
  static Map<String, String> parse(String line) {
    if (!line.startsWith("\"") || !line.endsWith("\"")) {
      throw new IllegalArgumentException("not a quoted line: " + line);
    }
    String[] values = line.substring(1, line.length() - 1).split("\";\"", -1);
    if (values.length != PortalFormat.COLUMNS.size()) {
      throw new IllegalArgumentException(values.length + " fields in " + line);
    }
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      fields.put(PortalFormat.COLUMNS.get(i), values[i]);
    }
    return fields;
  }
}
