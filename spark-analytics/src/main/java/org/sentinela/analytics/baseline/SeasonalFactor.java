package org.sentinela.analytics.baseline;

import java.io.Serializable;
import java.util.Objects;

/**
 * How much one segment's observations in one month of the year run above (or below) the segment as
 * a whole, in ln: a factor of ln 1.8 means "×1.8 the segment's median".
 *
 * @param level the segment's level
 * @param segmentKey the segment's key
 * @param month month of the year, 1–12
 * @param observations contracts (or unit-months) of the segment in that month, all years together
 * @param years distinct years among them
 * @param median their median
 * @param rawFactor that median minus the segment's median
 * @param weight how much the raw factor counts, 0 to 1 (the rest is the parent segment's factor)
 * @param factor the factor used: weight × raw + (1 − weight) × the parent segment's factor
 * @param anchorLevel the finest level, this one or coarser, whose own months carry weight; null
 *     when no level has enough years of that month (the factor is then 0)
 */
public record SeasonalFactor(
    String level,
    String segmentKey,
    int month,
    long observations,
    int years,
    double median,
    double rawFactor,
    double weight,
    double factor,
    String anchorLevel)
    implements Serializable {

  public SeasonalFactor {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(segmentKey, "segmentKey");
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException(segmentKey + ": weight must be in [0, 1], got " + weight);
    }
    if (!Double.isFinite(factor) || !Double.isFinite(rawFactor)) {
      throw new IllegalArgumentException(
          segmentKey
              + " month "
              + month
              + ": factors must be finite, got "
              + rawFactor
              + ", "
              + factor);
    }
  }

  /** The factor as a multiple of the segment's median, e.g. 1.8. */
  public double multiple() {
    return Math.exp(factor);
  }
}
