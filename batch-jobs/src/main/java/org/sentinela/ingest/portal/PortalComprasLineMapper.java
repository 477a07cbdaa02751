package org.sentinela.ingest.portal;

import java.util.Arrays;
import org.springframework.batch.item.file.LineMapper;
import org.springframework.batch.item.file.transform.DelimitedLineTokenizer;

/**
 * Splits a Compras line into a {@link PortalComprasRow}, keeping the raw line for lineage.
 *
 * <p>The Portal writes every field in double quotes; a line of exactly 24 such fields with no quote
 * inside them is cut at its {@code ";"} separators in one pass. Any other line (quotes inside a
 * field, unquoted fields, a wrong field count) goes through Spring Batch's strict tokenizer, which
 * decides how it splits or why it is malformed.
 */
public final class PortalComprasLineMapper implements LineMapper<PortalComprasRow> {

  private static final int FIELDS = PortalComprasFormat.COLUMNS.size();
  private static final char QUOTE = PortalComprasFormat.QUOTE;

  private final String fileName;
  private final DelimitedLineTokenizer tokenizer;

  public PortalComprasLineMapper(String fileName) {
    this.fileName = fileName;
    this.tokenizer = new DelimitedLineTokenizer(String.valueOf(PortalComprasFormat.SEPARATOR));
    tokenizer.setQuoteCharacter(QUOTE);
    tokenizer.setStrict(true);
    tokenizer.setNames(
        PortalComprasFormat.COLUMNS.stream().map(c -> "c" + c.hashCode()).toArray(String[]::new));
  }

  @Override
  public PortalComprasRow mapLine(String line, int lineNumber) {
    String content = stripCarriageReturn(line);
    String[] values = splitQuotedFields(content);
    if (values == null) {
      values = tokenizer.tokenize(content).getValues();
    }
    return new PortalComprasRow(fileName, lineNumber, line, Arrays.asList(values));
  }

  /**
   * The 24 fields of a line written as {@code "f1";"f2";…;"f24"} with no quote inside a field, or
   * null for any other line.
   */
  static String[] splitQuotedFields(String line) {
    int length = line.length();
    if (length < 2 || line.charAt(0) != QUOTE || line.charAt(length - 1) != QUOTE) {
      return null;
    }
    String[] fields = new String[FIELDS];
    int start = 1;
    for (int i = 0; i < FIELDS; i++) {
      int end = line.indexOf(QUOTE, start);
      boolean last = i == FIELDS - 1;
      if (last ? end != length - 1 : !isSeparatorAt(line, end)) {
        return null;
      }
      fields[i] = line.substring(start, end);
      start = end + 3;
    }
    return fields;
  }

  /** True if a closing quote, the separator and an opening quote start at {@code index}. */
  private static boolean isSeparatorAt(String line, int index) {
    return index >= 0
        && index + 2 < line.length()
        && line.charAt(index + 1) == PortalComprasFormat.SEPARATOR
        && line.charAt(index + 2) == QUOTE;
  }

  private static String stripCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
