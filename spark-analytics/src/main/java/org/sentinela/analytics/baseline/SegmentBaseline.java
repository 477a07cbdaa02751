package org.sentinela.analytics.baseline;

import java.util.Objects;

/**
 * One row of the {@code baselines} table: a segment's size and the distribution of ln(value).
 *
 * @param level the segment's level
 * @param segmentKey the segment's key, unique within the level
 * @param buyerUf the UF of UF levels, else null
 * @param modality the modality of all but the national level, else null
 * @param superiorOrganCode the superior organ of the organ level, else null
 * @param contracts number of scored contracts
 * @param medianLogValue median of ln(value)
 * @param madLogValue median absolute deviation of ln(value)
 * @param p01LogValue 1st percentile of ln(value)
 * @param p25LogValue 25th percentile
 * @param p75LogValue 75th percentile
 * @param p99LogValue 99th percentile
 */
public record SegmentBaseline(
    SegmentLevel level,
    String segmentKey,
    String buyerUf,
    String modality,
    String superiorOrganCode,
    long contracts,
    double medianLogValue,
    double madLogValue,
    double p01LogValue,
    double p25LogValue,
    double p75LogValue,
    double p99LogValue) {

  public SegmentBaseline {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(segmentKey, "segmentKey");
    if (contracts < 1) {
      throw new IllegalArgumentException(
          "baseline " + segmentKey + " must count at least one contract, got " + contracts);
    }
  }

  /**
   * The key of the segment holding this one at the next coarser level, null for the national one.
   */
  public String parentKey() {
    SegmentLevel parent = level.parent();
    return parent == null ? null : parent.segmentKey(buyerUf, modality, superiorOrganCode);
  }

  /** The part of this baseline a detector uses. */
  public SegmentStats stats() {
    return new SegmentStats(level, segmentKey, contracts, medianLogValue, madLogValue, p99LogValue);
  }
}
