package org.sentinela.analytics.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The segment a contract is scored against, and the finer ones passed over because they were too
 * small.
 *
 * @param chosen the finest segment with at least the minimum size (or the national one)
 * @param skipped finer segments with fewer contracts than the minimum, finest first
 */
public record SegmentChoice(SegmentStats chosen, List<SegmentStats> skipped) {

  public SegmentChoice {
    Objects.requireNonNull(chosen, "chosen");
    skipped = List.copyOf(skipped);
  }

  /**
   * Picks the finest segment holding at least {@code minSegmentSize} contracts.
   *
   * @param finestFirst a contract's segments ordered from finest to coarsest; the {@link
   *     SegmentLevel#NATIONAL} one, when present, always qualifies
   * @throws IllegalArgumentException when no segment qualifies (no national segment given)
   */
  public static SegmentChoice choose(List<SegmentStats> finestFirst, int minSegmentSize) {
    List<SegmentStats> skipped = new ArrayList<>();
    for (SegmentStats segment : finestFirst) {
      if (segment.contracts() >= minSegmentSize || segment.level() == SegmentLevel.NATIONAL) {
        return new SegmentChoice(segment, skipped);
      }
      skipped.add(segment);
    }
    throw new IllegalArgumentException(
        "no segment holds " + minSegmentSize + " contracts and none is national: " + finestFirst);
  }
}
