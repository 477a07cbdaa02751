package org.sentinela.reporting.api.param;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sentinela.reporting.api.problem.InvalidParameterException;

/**
 * Parsing of the request parameters several endpoints share. Each method returns {@code null} for
 * an absent parameter and throws {@link InvalidParameterException}, naming the parameter, for a
 * value it cannot use.
 */
public final class RequestParameters {

  /** Earliest and latest date a date parameter may name; far outside any contract's dates. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

  public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,12})?");
  private static final Pattern SEGMENT_LEVEL = Pattern.compile("[A-Z_]{1,64}");
  private static final Pattern SEGMENT_KEY = Pattern.compile("[\\p{L}\\p{N} =|._:/(),-]{1,200}");

  private RequestParameters() {}

  /** Checks {@code limit} is between 1 and {@code max}. */
  public static int limit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new InvalidParameterException(
          "limit", Integer.toString(limit), "must be between 1 and " + max);
    }
    return limit;
  }

  /** {@code value} upper-cased, if it then matches {@code pattern}. */
  public static String upperMatching(String name, String value, Pattern pattern, String rule) {
    if (value == null) {
      return null;
    }
    String upper = value.toUpperCase(Locale.ROOT);
    if (!pattern.matcher(upper).matches()) {
      throw new InvalidParameterException(name, value, rule);
    }
    return upper;
  }

  /** A segment level parameter ({@code level}), upper-cased, such as {@code UF_MODALITY}. */
  public static String segmentLevel(String value) {
    return upperMatching(
        "level", value, SEGMENT_LEVEL, "must be a segment level such as UF_MODALITY");
  }

  /** A segment key parameter ({@code segment}), such as {@code uf=RJ|modality=PREGAO}. */
  public static String segmentKey(String value) {
    return matching(
        "segment", value, SEGMENT_KEY, "must be a segment key such as uf=RJ|modality=PREGAO");
  }

  /** {@code value} as is, if it matches {@code pattern}. */
  public static String matching(String name, String value, Pattern pattern, String rule) {
    if (value != null && !pattern.matcher(value).matches()) {
      throw new InvalidParameterException(name, value, rule);
    }
    return value;
  }

  /** A {@code YYYY-MM-DD} date between {@link #EARLIEST_DATE} and {@link #LATEST_DATE}. */
  public static LocalDate date(String name, String value) {
    if (value == null) {
      return null;
    }
    String rule = "must be a date YYYY-MM-DD between " + EARLIEST_DATE + " and " + LATEST_DATE;
    if (!ISO_DATE.matcher(value).matches()) {
      throw new InvalidParameterException(name, value, rule);
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
        throw new InvalidParameterException(name, value, rule);
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name, value, rule);
    }
  }

  /** A plain decimal number between 0 and 1 inclusive, such as {@code 0.05}. */
  public static Double probability(String name, String value) {
    if (value == null) {
      return null;
    }
    String rule = "must be a number between 0 and 1, such as 0.05";
    if (!DECIMAL.matcher(value).matches()) {
      throw new InvalidParameterException(name, value, rule);
    }
    double number = Double.parseDouble(value);
    if (number > 1) {
      throw new InvalidParameterException(name, value, rule);
    }
    return number;
  }

  /** A plain decimal number, at least 0, such as {@code 3} or {@code 3.5}. */
  public static Double nonNegativeNumber(String name, String value) {
    if (value == null) {
      return null;
    }
    if (!DECIMAL.matcher(value).matches()) {
      throw new InvalidParameterException(
          name, value, "must be a number greater than or equal to 0, such as 3.5");
    }
    return Double.parseDouble(value);
  }
}
