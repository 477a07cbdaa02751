package org.sentinela.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BrazilianFormatsTest {

  @Test
  void readsPortalMoneyExactlyNotTenThousandTimesTooLarge() {
    // The trap Spark's en-US CSV reader falls into: "153170,0400" is R$ 153,170.04.
    assertThat(BrazilianFormats.parseMoney("153170,0400")).isEqualByComparingTo("153170.04");
    assertThat(BrazilianFormats.parseMoney("153170,0400").scale()).isEqualTo(4);
    assertThat(BrazilianFormats.parseMoney("0,0000")).isEqualByComparingTo("0");
    assertThat(BrazilianFormats.parseMoney("-13992,9600")).isEqualByComparingTo("-13992.96");
    assertThat(BrazilianFormats.parseMoney("10000000000,0000"))
        .isEqualByComparingTo(new BigDecimal("10000000000"));
  }

  @Test
  void readsThousandsSeparatorsAndJsonDecimals() {
    assertThat(BrazilianFormats.parseMoney("1.684.134,72")).isEqualByComparingTo("1684134.72");
    assertThat(BrazilianFormats.parseMoney("R$ 1.000,00")).isEqualByComparingTo("1000");
    assertThat(BrazilianFormats.parseMoney("1684134.72")).isEqualByComparingTo("1684134.72");
    assertThat(BrazilianFormats.parseMoney("1.684.134")).isEqualByComparingTo("1684134");
    assertThat(BrazilianFormats.parseMoney("  ")).isNull();
  }

  @Test
  void rejectsWhatIsNotANumberNamingTheText() {
    assertThatThrownBy(() -> BrazilianFormats.parseMoney("12,34,56"))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("12,34,56");
    assertThatThrownBy(() -> BrazilianFormats.parseMoney("1.68.134,72"))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> BrazilianFormats.parseMoney("abc"))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("'abc'");
  }

  @Test
  void readsBrazilianAndIsoDates() {
    assertThat(BrazilianFormats.parseDate("24/12/2020")).isEqualTo(LocalDate.of(2020, 12, 24));
    assertThat(BrazilianFormats.parseDate("2024-07-01")).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(BrazilianFormats.parseDate("2024-07-01T10:00:00"))
        .isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(BrazilianFormats.parseDate("")).isNull();
  }

  @Test
  void rejectsImpossibleDates() {
    assertThatThrownBy(() -> BrazilianFormats.parseDate("31/02/2021"))
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("31/02/2021");
    assertThatThrownBy(() -> BrazilianFormats.parseDate("2021/01/01"))
        .isInstanceOf(DateTimeException.class);
  }

  @Test
  void parsesMoneyAsTheRegularExpressionsOfTheFormatDo() {
    String[] pieces = {"0", "1", "12", "345", "6789", ".", ",", "+", "-", " ", "R$", "a", "\u0663"};
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int p = random.nextInt(7); p >= 0; p--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      assertThat(outcome(() -> BrazilianFormats.parseMoney(t)))
          .as(t)
          .isEqualTo(outcome(() -> referenceParseMoney(t)));
    }
  }

  @Test
  void parsesDatesAsSubstringsParsedOneByOneDo() {
    String[] pieces = {"0", "1", "2", "9", "31", "12", "2021", "/", "-", "+", " ", "T", "a"};
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int p = random.nextInt(9); p >= 0; p--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      assertThat(outcome(() -> BrazilianFormats.parseDate(t)))
          .as(t)
          .isEqualTo(outcome(() -> referenceParseDate(t)));
    }
  }

  /** The value, or the exception's class and message. */
  private static String outcome(java.util.function.Supplier<Object> parse) {
    try {
      return String.valueOf(parse.get());
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** parseMoney as first written, with a regular expression per check: the reference. */
  private static BigDecimal referenceParseMoney(String text) {
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

  /** parseDate as first written, with a substring per number: the reference. */
  private static LocalDate referenceParseDate(String text) {
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
