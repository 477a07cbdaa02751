package org.sentinela.ingest;

import java.math.BigDecimal;
import java.util.List;
import org.sentinela.model.DataQualityFlag;

/**
 * Money rules every source's normaliser applies: exact values at scale 4 (rejected beyond 4
 * significant decimals or too big for decimal(18,4)), and the value quality flags.
 */
public final class MoneyRules {

  /** Values at or above this do not fit decimal(18,4). */
  static final BigDecimal MONEY_LIMIT = new BigDecimal("100000000000000");

  static final BigDecimal ONE_BILLION = new BigDecimal("1000000000");

  private MoneyRules() {}

  /**
   * A parsed money value at scale 4, null when null. Trailing zeros do not count as decimals
   * ({@code 3544.950000} is fine); {@code 0.12345} is rejected.
   *
   * @param field the field's name, for the rejection's detail
   */
  public static BigDecimal exact(BigDecimal value, String field) {
    if (value == null) {
      return null;
    }
    if (value.abs().compareTo(MONEY_LIMIT) >= 0) {
      throw new RecordRejectedException(
          RejectionReason.VALUE_OUT_OF_RANGE, field + ": " + value.toPlainString());
    }
    BigDecimal exact = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (exact.scale() > 4) {
      throw new RecordRejectedException(
          RejectionReason.INVALID_VALUE, field + ": more than 4 decimals in " + value);
    }
    return exact.setScale(4);
  }

  /** Flags zero, negative, shrunk, grown more than tenfold and above-R$-1-billion values. */
  public static void checkValues(BigDecimal initial, BigDecimal fin, List<DataQualityFlag> flags) {
    if (isZero(initial) || isZero(fin)) {
      flags.add(DataQualityFlag.ZERO_VALUE);
    }
    if ((initial != null && initial.signum() < 0) || (fin != null && fin.signum() < 0)) {
      flags.add(DataQualityFlag.NEGATIVE_VALUE);
    }
    if (initial != null && fin != null) {
      if (fin.compareTo(initial) < 0) {
        flags.add(DataQualityFlag.FINAL_BELOW_INITIAL);
      } else if (initial.signum() > 0 && fin.compareTo(initial.multiply(BigDecimal.TEN)) > 0) {
        flags.add(DataQualityFlag.FINAL_ABOVE_10X_INITIAL);
      }
    }
    if ((initial != null && initial.compareTo(ONE_BILLION) > 0)
        || (fin != null && fin.compareTo(ONE_BILLION) > 0)) {
      flags.add(DataQualityFlag.VALUE_ABOVE_1_BILLION);
    }
  }

  private static boolean isZero(BigDecimal value) {
    return value != null && value.signum() == 0;
  }
}
