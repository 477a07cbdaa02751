package org.sentinela.model;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/** Parsers for the number and date formats of Brazilian public data. Each rejects loudly. */
public final class BrazilianFormats {

  private BrazilianFormats() {}

  /**
   * Parses a Brazilian money string: decimal comma, optional dot thousands separators, optional
   * sign, e.g. {@code "153170,0400"}, {@code "1.684.134,72"}, {@code "-13992,9600"}. A plain {@code
   * "1234.56"} (dot decimal, as in JSON sources) is accepted when the string has one dot, no comma
   * and not exactly three digits after the dot. Returns null for a blank string.
   *
   * @throws NumberFormatException naming the text when it is not a number
   */
  public static BigDecimal parseMoney(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.startsWith("R$")) {
      t = t.substring(2).strip();
    }
    String normalised;
    int comma = t.indexOf(',');
    if (comma >= 0) {
      if (t.indexOf(',', comma + 1) >= 0) {
        throw new NumberFormatException("not a Brazilian number (two commas): '" + text + "'");
      }
      String whole = t.substring(0, comma);
      if (whole.contains(".") && !whole.matches("[+-]?\\d{1,3}(\\.\\d{3})+")) {
        throw new NumberFormatException("misplaced thousands separator: '" + text + "'");
      }
      normalised = whole.replace(".", "") + "." + t.substring(comma + 1);
    } else {
      int dot = t.indexOf('.');
      boolean thousandsOnly = t.matches("[+-]?\\d{1,3}(\\.\\d{3})+");
      normalised = dot >= 0 && thousandsOnly ? t.replace(".", "") : t;
    }
    if (!normalised.matches("[+-]?\\d+(\\.\\d+)?")) {
      throw new NumberFormatException("not a Brazilian number: '" + text + "'");
    }
    return new BigDecimal(normalised);
  }

  /**
   * Parses {@code DD/MM/YYYY} or ISO {@code YYYY-MM-DD} (a time part after 'T' or a space is
   * ignored). Returns null for a blank string.
   *
   * @throws DateTimeException naming the text when it is not a real date
   */
  public static LocalDate parseDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      if (t.length() == 10 && t.charAt(2) == '/' && t.charAt(5) == '/') {
        return LocalDate.of(
            Integer.parseInt(t.substring(6, 10)),
            Integer.parseInt(t.substring(3, 5)),
            Integer.parseInt(t.substring(0, 2)));
      }
      if (t.length() >= 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
        return LocalDate.of(
            Integer.parseInt(t.substring(0, 4)),
            Integer.parseInt(t.substring(5, 7)),
            Integer.parseInt(t.substring(8, 10)));
      }
    } catch (NumberFormatException | DateTimeException e) {
      throw new DateTimeException("not a date: '" + text + "'", e);
    }
    throw new DateTimeException("not a date (expected DD/MM/YYYY or YYYY-MM-DD): '" + text + "'");
  }
}
