package org.sentinela.analytics.baseline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seasonal factors of every segment and month, estimated from the lake's whole history.
 *
 * <p>For a segment s and month m: raw(s, m) = median of s's observations in month m (all years) −
 * median of s's observations; for contract values, the observation is ln(value). It is shrunk
 * toward the factor of the segment holding s at the next coarser level (the root level toward 0, no
 * seasonality): factor(s, m) = w · raw(s, m) + (1 − w) · factor(parent(s), m), with w = n / (n +
 * {@value #SHRINKAGE_OBSERVATIONS}) for the n observations of the cell, and w = 0 when they span
 * fewer than {@value #MIN_YEARS} distinct years: a month seen in one year alone cannot be told from
 * a one-off event in that month. So a December rise that holds across years and regions becomes
 * every December's factor, a region's own December is trusted in proportion to its observations,
 * and a month without history is not adjusted.
 *
 * <p>Medians are robust to the outliers the detectors look for; the shrinkage is the usual
 * credibility weighting with a prior of {@value #SHRINKAGE_OBSERVATIONS} observations.
 */
public final class SeasonalFactors implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Observations at which a cell's own factor and its parent's weigh the same. */
  public static final int SHRINKAGE_OBSERVATIONS = 20;

  /** Fewest distinct years a month needs before its own factor counts. */
  public static final int MIN_YEARS = 2;

  /** No seasonal adjustment anywhere. */
  public static final SeasonalFactors NONE = new SeasonalFactors(Map.of());

  private final Map<String, SeasonalFactor> byCell;

  private SeasonalFactors(Map<String, SeasonalFactor> byCell) {
    this.byCell = Map.copyOf(byCell);
  }

  /**
   * Estimates the factors of {@code cells}, coarsest level first.
   *
   * @param cells every segment-month with observations, each with its parent's cell present
   * @param segmentMedians the median of each segment over all months, by {@link #segment}
   */
  public static SeasonalFactors estimate(
      Collection<SeasonalCell> cells, Map<String, Double> segmentMedians) {
    Map<String, String> parents = new HashMap<>();
    cells.forEach(c -> parents.put(c.level(), c.parentLevel()));
    List<SeasonalCell> coarseFirst = new ArrayList<>(cells);
    coarseFirst.sort(
        Comparator.comparing((SeasonalCell c) -> depth(c.level(), parents))
            .thenComparing(SeasonalCell::segmentKey)
            .thenComparing(SeasonalCell::month));
    Map<String, SeasonalFactor> byCell = new HashMap<>();
    for (SeasonalCell cell : coarseFirst) {
      Double segmentMedian = segmentMedians.get(segment(cell.level(), cell.segmentKey()));
      if (segmentMedian == null) {
        throw new IllegalArgumentException("no baseline for segment " + cell.segmentKey());
      }
      SeasonalFactor parent = null;
      if (cell.parentKey() != null) {
        parent = byCell.get(key(cell.parentLevel(), cell.parentKey(), cell.month()));
        if (parent == null) {
          throw new IllegalArgumentException(
              "segment "
                  + cell.segmentKey()
                  + " month "
                  + cell.month()
                  + ": its parent "
                  + cell.parentKey()
                  + " has no observations that month");
        }
      }
      double raw = cell.median() - segmentMedian;
      double weight =
          cell.years() >= MIN_YEARS
              ? (double) cell.observations() / (cell.observations() + SHRINKAGE_OBSERVATIONS)
              : 0.0;
      double parentFactor = parent == null ? 0.0 : parent.factor();
      String anchor = weight > 0 ? cell.level() : parent == null ? null : parent.anchorLevel();
      byCell.put(
          key(cell.level(), cell.segmentKey(), cell.month()),
          new SeasonalFactor(
              cell.level(),
              cell.segmentKey(),
              cell.month(),
              cell.observations(),
              cell.years(),
              cell.median(),
              raw,
              weight,
              weight * raw + (1 - weight) * parentFactor,
              anchor));
    }
    return new SeasonalFactors(byCell);
  }

  private static int depth(String level, Map<String, String> parents) {
    int depth = 0;
    for (String up = parents.get(level); up != null; up = parents.get(up)) {
      depth++;
      if (depth > parents.size()) {
        throw new IllegalArgumentException("the levels above " + level + " form a cycle");
      }
    }
    return depth;
  }

  /** The key of a segment in the medians map: {@code LEVEL|segment_key}. */
  public static String segment(String level, String segmentKey) {
    return level + "|" + segmentKey;
  }

  /** The factor of a segment in a month, if the segment had observations that month. */
  public Optional<SeasonalFactor> of(String level, String segmentKey, int month) {
    return Optional.ofNullable(byCell.get(key(level, segmentKey, month)));
  }

  /** Every factor, by level, segment and month. */
  public List<SeasonalFactor> all() {
    return byCell.values().stream()
        .sorted(
            Comparator.comparing(SeasonalFactor::level)
                .thenComparing(SeasonalFactor::segmentKey)
                .thenComparing(SeasonalFactor::month))
        .toList();
  }

  private static String key(String level, String segmentKey, int month) {
    return segment(level, Objects.requireNonNull(segmentKey, "segmentKey")) + "|" + month;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SeasonalFactors that && byCell.equals(that.byCell);
  }

  @Override
  public int hashCode() {
    return byCell.hashCode();
  }

  @Override
  public String toString() {
    return "SeasonalFactors[" + byCell.size() + " cells]";
  }
}
