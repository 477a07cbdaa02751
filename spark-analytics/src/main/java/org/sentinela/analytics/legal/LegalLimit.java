package org.sentinela.analytics.legal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code legal_limits}: a limit, its amount and the period it applies to.
 *
 * @param kind which limit
 * @param year the year the amount was set for
 * @param amount reais, or a fraction of the initial value for amendment ceilings
 * @param act the act that set the amount, e.g. {@code Dec. 10.922/2021}
 * @param validFrom first day in force
 * @param validTo last day in force, or null while in force
 */
public record LegalLimit(
    LimitKind kind, int year, BigDecimal amount, String act, LocalDate validFrom, LocalDate validTo)
    implements Serializable {

  public LegalLimit {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(act, "act");
    Objects.requireNonNull(validFrom, "validFrom");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException(
          "legal limit " + kind + " from " + validFrom + " must be > 0, got " + amount);
    }
    if (validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "legal limit " + kind + " ends (" + validTo + ") before it starts (" + validFrom + ")");
    }
  }

  /** True when the limit is in force on {@code date}. */
  public boolean validOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
  }

  public Law law() {
    return kind.law();
  }
}
