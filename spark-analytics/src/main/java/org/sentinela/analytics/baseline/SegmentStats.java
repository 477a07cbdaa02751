package org.sentinela.analytics.baseline;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a detector needs of one segment: its size, the median and MAD of ln(value) and its 99th
 * percentile.
 *
 * @param level the segment's level
 * @param segmentKey the segment's key at that level
 * @param contracts number of scored contracts in the segment
 * @param medianLogValue median of ln(value)
 * @param madLogValue median absolute deviation of ln(value) from that median
 * @param p99LogValue 99th percentile of ln(value)
 */
public record SegmentStats(
    SegmentLevel level,
    String segmentKey,
    long contracts,
    double medianLogValue,
    double madLogValue,
    double p99LogValue)
    implements Serializable {

  public SegmentStats {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(segmentKey, "segmentKey");
    if (contracts < 1) {
      throw new IllegalArgumentException(
          "segment " + segmentKey + " must hold at least one contract, got " + contracts);
    }
    if (!Double.isFinite(medianLogValue)) {
      throw new IllegalArgumentException(
          "median of segment " + segmentKey + " must be finite, got " + medianLogValue);
    }
    if (!(madLogValue >= 0 && Double.isFinite(madLogValue))) {
      throw new IllegalArgumentException(
          "MAD of segment " + segmentKey + " must be finite and >= 0, got " + madLogValue);
    }
    if (!Double.isFinite(p99LogValue)) {
      throw new IllegalArgumentException(
          "p99 of segment " + segmentKey + " must be finite, got " + p99LogValue);
    }
  }
}
