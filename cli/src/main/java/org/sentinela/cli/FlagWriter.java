package org.sentinela.cli;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/** Writes exported flags one by one, in CSV or JSON Lines. */
interface FlagWriter {

  /** Called once before the first flag (also when there is none). */
  void begin() throws IOException;

  void write(ExportedFlag flag) throws IOException;

  /** Called once after the last flag; flushes what is buffered. */
  void end() throws IOException;

  /** The writer for a {@code --format} value ({@code csv} or {@code json}). */
  static FlagWriter of(String format, Writer out) {
    checkFormat(format);
    return format.equals("csv") ? new CsvFlagWriter(out) : new JsonLinesFlagWriter(out);
  }

  /**
   * Checks a {@code --format} value.
   *
   * @throws IllegalArgumentException naming the value unless it is {@code csv} or {@code json}
   */
  static void checkFormat(String format) {
    if (!format.equals("csv") && !format.equals("json")) {
      throw new IllegalArgumentException("--format must be csv or json, got '" + format + "'");
    }
  }

  /** A double in plain decimal notation, shortest form ({@code 0.00012}, not {@code 1.2E-4}). */
  static String plain(double value) {
    return Double.isFinite(value)
        ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
        : Double.toString(value);
  }
}
