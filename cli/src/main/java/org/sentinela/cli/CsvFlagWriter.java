package org.sentinela.cli;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Flags as RFC 4180 CSV: a header row, comma-separated fields, CRLF line ends, a field quoted
 * (inner quotes doubled) when it holds a comma, semicolon, quote or line break; empty for null;
 * {@code .} as the decimal separator.
 */
final class CsvFlagWriter implements FlagWriter {

  private final Writer out;

  CsvFlagWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void begin() throws IOException {
    row(List.copyOf(ExportedFlag.COLUMNS));
  }

  @Override
  public void write(ExportedFlag flag) throws IOException {
    row(flag.values());
  }

  @Override
  public void end() throws IOException {
    out.flush();
  }

  private void row(List<?> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(values.get(i)));
    }
    out.write("\r\n");
  }

  /** One value as a CSV field. */
  static String field(Object value) {
    String text;
    if (value == null) {
      text = "";
    } else if (value instanceof Double d) {
      text = FlagWriter.plain(d);
    } else if (value instanceof BigDecimal b) {
      text = b.toPlainString();
    } else {
      text = value.toString();
    }
    if (text.chars().anyMatch(c -> c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r')) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
