package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.Objects;
import org.sentinela.analytics.baseline.SeasonalFactor;

/**
 * A tested unit-month's contract count against the unit's own typical month (TEMPORAL_SPIKE).
 *
 * @param month the unit-month
 * @param season the seasonal factor of month counts used for it, or null when none applies
 * @param typicalContracts the unit's median seasonally adjusted monthly count
 * @param expectedContracts μ: that typical count times the month's seasonal multiple
 * @param dispersion φ ≥ 1: the unit's over-dispersion without this month, in variance of the
 *     Anscombe residual
 * @param monthsObserved months in which the unit signed contracts
 * @param z (2√(count + 3/8) − 2√(μ + 3/8)) / √φ
 * @param pValue upper normal tail of z
 */
public record UnitMonthScore(
    UnitMonth month,
    SeasonalFactor season,
    double typicalContracts,
    double expectedContracts,
    double dispersion,
    int monthsObserved,
    double z,
    double pValue)
    implements Serializable {

  public UnitMonthScore {
    Objects.requireNonNull(month, "month");
    if (!Double.isFinite(z)) {
      throw new IllegalArgumentException(month.unitCode() + ": z must be finite, got " + z);
    }
    if (!(dispersion >= 1 && Double.isFinite(dispersion))) {
      throw new IllegalArgumentException(
          month.unitCode() + ": dispersion must be >= 1, got " + dispersion);
    }
  }

  /** The seasonal factor applied, 0 when none. */
  public double seasonalFactor() {
    return season == null ? 0.0 : season.factor();
  }

  /** {@code unit_code|YYYY-MM}: what the stable anomaly id is made of. */
  public String key() {
    return month.unitCode() + "|" + month.yearMonth();
  }
}
