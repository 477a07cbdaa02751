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

  /** e^x in reais, rounded to cents. */
  static BigDecimal expReais(double logValue) {
    return new BigDecimal(Math.exp(logValue)).setScale(2, RoundingMode.HALF_EVEN);
  }
}
