package org.sentinela.analytics.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The segment a contract is scored against, and the finer ones passed over: too small, or with a
 * degenerate spread (MAD below the floor: more than half the segment has one and the same value, so
 * any other value would look like an extreme outlier).
 *
 * @param chosen the finest usable segment (or the national one)
 * @param skipped finer segments passed over, finest first
 */
public record SegmentChoice(SegmentStats chosen, List<SegmentStats> skipped) {

  public SegmentChoice {
    Objects.requireNonNull(chosen, "chosen");
    skipped = List.copyOf(skipped);
  }

  /**
   * Picks the finest segment holding at least {@code minSegmentSize} contracts whose MAD is at
   * least {@code minMad}.
   *
   * @param finestFirst a contract's segments ordered from finest to coarsest; the {@link
   *     SegmentLevel#NATIONAL} one, when present, always qualifies
   * @throws IllegalArgumentException when no segment qualifies (no national segment given)
   */
  public static SegmentChoice choose(
      List<SegmentStats> finestFirst, int minSegmentSize, double minMad) {
    List<SegmentStats> skipped = new ArrayList<>();
    for (SegmentStats segment : finestFirst) {
      if (segment.level() == SegmentLevel.NATIONAL || usable(segment, minSegmentSize, minMad)) {
        return new SegmentChoice(segment, skipped);
      }
      skipped.add(segment);
    }
    throw new IllegalArgumentException(
        "no segment holds " + minSegmentSize + " contracts and none is national: " + finestFirst);
  }

  /** True if the segment is big enough and its values spread enough to score against. */
  public static boolean usable(SegmentStats segment, int minSegmentSize, double minMad) {
    return segment.contracts() >= minSegmentSize && segment.madLogValue() >= minMad;
  }
}
