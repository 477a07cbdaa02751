package org.sentinela.analytics.reporting;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writes rows for PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}: null as an empty unquoted
 * field, text always quoted (so an empty string stays an empty string) with quotes doubled, numbers
 * and dates in their plain literal form.
 */
final class CopyCsv {

  private final Writer out;
  private boolean firstField = true;

  CopyCsv(Writer out) {
    this.out = out;
  }

  /** Appends one field to the current row. */
  CopyCsv field(Object value) throws IOException {
    if (!firstField) {
      out.write(',');
    }
    firstField = false;
    out.write(literal(value));
    return this;
  }

  /** Ends the current row. */
  void endRow() throws IOException {
    out.write('\n');
    firstField = true;
  }

  /** The CSV text of one value. */
  static String literal(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Infinity" : "-Infinity";
      }
      return Double.toString(d);
    }
    if (value instanceof Number || value instanceof LocalDate || value instanceof Boolean) {
      return value.toString();
    }
    return '"' + value.toString().replace("\"", "\"\"") + '"';
  }
}
