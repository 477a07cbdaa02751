package org.sentinela.reporting.api.anomaly;

import java.util.Locale;
import java.util.regex.Pattern;
import org.sentinela.reporting.api.problem.InvalidParameterException;

/**
 * The optional filters of the anomaly list, validated and upper-cased; a {@code null} component
 * matches every anomaly.
 */
record AnomalyFilter(String uf, String detector, Severity severity) {

  private static final Pattern UF = Pattern.compile("[A-Z]{2}");
  private static final Pattern DETECTOR = Pattern.compile("[A-Z_]{1,64}");

  /**
   * Parses the request parameters (case-insensitively).
   *
   * @throws InvalidParameterException naming the first parameter whose value is not acceptable
   */
  static AnomalyFilter of(String uf, String detector, String severity) {
    return new AnomalyFilter(
        matching("uf", uf, UF, "must be a two-letter state code such as RJ, or BR"),
        matching("detector", detector, DETECTOR, "must be a detector name such as VALUE_OUTLIER"),
        severity(severity));
  }

  private static String matching(String parameter, String value, Pattern pattern, String rule) {
    if (value == null) {
      return null;
    }
    String upper = value.toUpperCase(Locale.ROOT);
    if (!pattern.matcher(upper).matches()) {
      throw new InvalidParameterException(parameter, value, rule);
    }
    return upper;
  }

  private static Severity severity(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Severity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("severity", value, "must be one of LOW, MEDIUM, HIGH");
    }
  }
}
