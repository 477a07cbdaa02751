package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one buyer unit signed in one calendar month: how many scored contracts, for how much.
 *
 * @param unitCode the buyer unit (UG)
 * @param buyerUf its UF ({@code BR} when unresolved)
 * @param year year of signature
 * @param month month of signature, 1–12
 * @param contracts scored contracts signed that month
 * @param total the sum of their values (the value each is scored on), positive
 */
public record UnitMonth(
    String unitCode, String buyerUf, int year, int month, long contracts, BigDecimal total)
    implements Serializable {

  public UnitMonth {
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(buyerUf, "buyerUf");
    Objects.requireNonNull(total, "total");
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException(unitCode + ": month must be 1-12, got " + month);
    }
    if (contracts < 1 || total.signum() <= 0) {
      throw new IllegalArgumentException(
          unitCode
              + " "
              + year
              + "-"
              + month
              + ": needs contracts and a positive total, got "
              + contracts
              + " and "
              + total);
    }
  }

  /** {@code YYYY-MM}. */
  public String yearMonth() {
    return String.format("%04d-%02d", year, month);
  }
}
