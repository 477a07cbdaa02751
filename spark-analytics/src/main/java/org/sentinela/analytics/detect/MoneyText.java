package org.sentinela.analytics.detect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers for English sentences: {@code R$ 10,000,000,000.00}, {@code 1,234}, {@code 14.2}. */
final class MoneyText {

  private MoneyText() {}

  /** Reais with two decimals (half-even) and thousands separators. */
  static String reais(BigDecimal value) {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return "R$ " + format.format(value);
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.US, "%,d", n);
  }

  /** One decimal place. */
  static String oneDecimal(double x) {
    return String.format(Locale.US, "%.1f", x);
  }

  /** One decimal place with thousands separators: {@code 1,234.5}. */
  static String oneDecimalWithSeparators(double x) {
    return String.format(Locale.US, "%,.1f", x);
  }

  /** A fraction as a percentage with one decimal: 0.26 → {@code 26.0%}. */
  static String percent(BigDecimal fraction) {
    return oneDecimal(fraction.doubleValue() * 100) + "%";
  }

  /** A fraction as a percentage with one decimal: 0.195 → {@code 19.5%}. */
  static String percent(double fraction) {
    return oneDecimal(fraction * 100) + "%";
  }

  /** A probability: four decimals ({@code 0.0061}), or two significant digits below 0.0001. */
  static String probability(double p) {
    return p >= 1e-4 || p == 0
        ? String.format(Locale.US, "%.4f", p)
        : String.format(Locale.US, "%.1e", p);
  }

  /** Two decimals: {@code 0.77}. */
  static String twoDecimals(double x) {
    return String.format(Locale.US, "%.2f", x);
  }

  /**
   * A fraction as a percentage without trailing zeros: 0.25 → {@code 25%}, 0.125 → {@code 12.5%}.
   */
  static String plainPercent(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** e^x in reais, rounded to cents. */
  static BigDecimal expReais(double logValue) {
    return new BigDecimal(Math.exp(logValue)).setScale(2, RoundingMode.HALF_EVEN);
  }
}
