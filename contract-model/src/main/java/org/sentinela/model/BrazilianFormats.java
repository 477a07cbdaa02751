package org.sentinela.model;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Parsers for the number and date formats of Brazilian public data. Each rejects loudly. */
public final class BrazilianFormats {

  private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+");

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
      if (whole.contains(".") && !THOUSANDS.matcher(whole).matches()) {
        throw new NumberFormatException("misplaced thousands separator: '" + text + "'");
      }
      normalised = whole.replace(".", "") + "." + t.substring(comma + 1);
    } else {
      int dot = t.indexOf('.');
      boolean thousandsOnly = dot >= 0 && THOUSANDS.matcher(t).matches();
      normalised = thousandsOnly ? t.replace(".", "") : t;
    }
    if (!isPlainDecimal(normalised)) {
      throw new NumberFormatException("not a Brazilian number: '" + text + "'");
    }
    return new BigDecimal(normalised);
  }

  /** True if the text is an optional sign, ASCII digits, then optionally a dot and more digits. */
  private static boolean isPlainDecimal(String text) {
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    int whole = digitsFrom(text, start);
    int end = start + whole;
    if (whole == 0 || end == text.length()) {
      return whole > 0;
    }
    int decimals = digitsFrom(text, end + 1);
    return text.charAt(end) == '.' && decimals > 0 && end + 1 + decimals == text.length();
  }

  /** How many ASCII digits follow from {@code start}. */
  private static int digitsFrom(String text, int start) {
    int i = start;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i - start;
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
            Integer.parseInt(t, 6, 10, 10),
            Integer.parseInt(t, 3, 5, 10),
            Integer.parseInt(t, 0, 2, 10));
      }
      if (t.length() >= 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
        return LocalDate.of(
            Integer.parseInt(t, 0, 4, 10),
            Integer.parseInt(t, 5, 7, 10),
            Integer.parseInt(t, 8, 10, 10));
      }
    } catch (NumberFormatException | DateTimeException e) {
      throw new DateTimeException("not a date: '" + text + "'", e);
    }
    throw new DateTimeException("not a date (expected DD/MM/YYYY or YYYY-MM-DD): '" + text + "'");
  }
}
