package org.sentinela.analytics.baseline;

import java.io.Serializable;
import java.util.Objects;

/**
 * The observations of one segment in one month of the year, over every year of the lake: how many,
 * in how many distinct years, and their median (of ln(value) for contracts, of a unit's ln(month
 * total) minus its usual one for monthly totals).
 *
 * @param level the segment's level, e.g. {@code UF_MODALITY}
 * @param segmentKey the segment's key
 * @param parentLevel the next coarser level (null at the root)
 * @param parentKey the key of the segment holding this one at that level (null at the root)
 * @param month month of the year, 1–12
 * @param observations contracts (or unit-months) in that month
 * @param years distinct years among them
 * @param median their median
 */
public record SeasonalCell(
    String level,
    String segmentKey,
    String parentLevel,
    String parentKey,
    int month,
    long observations,
    int years,
    double median)
    implements Serializable {

  public SeasonalCell {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(segmentKey, "segmentKey");
    if ((parentKey == null) != (parentLevel == null)) {
      throw new IllegalArgumentException(
          segmentKey + ": a parent needs a level and a key, got " + parentLevel + " " + parentKey);
    }
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException(segmentKey + ": month must be 1-12, got " + month);
    }
    if (observations < 1 || years < 1 || years > observations) {
      throw new IllegalArgumentException(
          segmentKey
              + " month "
              + month
              + ": needs 1 <= years <= observations, got "
              + years
              + " years and "
              + observations
              + " observations");
    }
    if (!Double.isFinite(median)) {
      throw new IllegalArgumentException(
          segmentKey + " month " + month + ": median must be finite, got " + median);
    }
  }
}
