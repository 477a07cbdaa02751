package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.Objects;
import org.sentinela.analytics.baseline.SeasonalFactor;

/**
 * A tested unit-month against the unit's own typical month (TEMPORAL_SPIKE).
 *
 * @param month the unit-month
 * @param season the seasonal factor of month totals used for it, or null when none applies
 * @param adjustedLogTotal ln(total) minus the seasonal factor
 * @param unitMedian median adjusted ln(total) of the unit's months
 * @param unitMad their median absolute deviation
 * @param monthsObserved months in which the unit signed contracts
 * @param z robust z of the adjusted ln(total)
 * @param pValue upper normal tail of z
 */
public record UnitMonthScore(
    UnitMonth month,
    SeasonalFactor season,
    double adjustedLogTotal,
    double unitMedian,
    double unitMad,
    int monthsObserved,
    double z,
    double pValue)
    implements Serializable {

  public UnitMonthScore {
    Objects.requireNonNull(month, "month");
    if (!Double.isFinite(z)) {
      throw new IllegalArgumentException(month.unitCode() + ": z must be finite, got " + z);
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
