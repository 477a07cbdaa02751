package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sentinela.analytics.baseline.SegmentBaseline;
import org.sentinela.analytics.baseline.SegmentLevel;

/**
 * How many contracts a parent segment's spread counts as in a child segment's moderated spread
 * ({@link ModeratedSpread}'s k), per level, estimated from tonight's baselines: the empirical-Bayes
 * step of Smyth's moderated t, by the method of moments.
 *
 * <p>Within a level, the log-ratio d = ln(MAD / MAD_parent) of a segment of n contracts varies for
 * two reasons: segments truly differ in spread (variance τ²), and a MAD of n values is noisy
 * (variance about 1 / (2 · {@value ModeratedSpread#MAD_EFFICIENCY} · n), less the parent's share).
 * So τ² = mean(d²) − mean(sampling variance), and a segment's own log-MAD deserves the weight τ² /
 * (τ² + 1 / (2 · 0.37 · n)) = n / (n + k) with k = 1 / (2 · 0.37 · τ²). Where the segments of a
 * level spread like their parents (τ² ≈ 0), k is large and the parent's spread, estimated from many
 * more contracts, decides; where they truly differ, k is small and each keeps its own.
 *
 * <p>k never exceeds the parent's own size (its spread cannot count for more contracts than it
 * holds). A level with fewer than {@link #MIN_PAIRS} usable segments (at least {@code
 * minSegmentSize} contracts and a MAD of at least {@code minMad}, as the parent's) keeps the fixed
 * {@code fallback} (the threshold row's {@code min_segment_size}), as does every level of {@link
 * #fixed}.
 *
 * @param estimated k per level, for the levels with enough segments (may be infinite: τ² ≤ 0)
 * @param fallback k of the other levels
 */
public record ParentWeights(Map<SegmentLevel, Double> estimated, double fallback)
    implements Serializable {

  /** Fewest segments of a level (with their parents) to estimate its τ² from. */
  public static final int MIN_PAIRS = 20;

  public ParentWeights {
    estimated = Map.copyOf(Objects.requireNonNull(estimated, "estimated"));
    estimated.forEach(
        (level, k) -> {
          if (!(k > 0)) {
            throw new IllegalArgumentException("k of " + level + " must be > 0, got " + k);
          }
        });
    if (!(fallback >= 0 && Double.isFinite(fallback))) {
      throw new IllegalArgumentException("fallback k must be finite and >= 0, got " + fallback);
    }
  }

  /** The same k at every level: the moderation before the estimate, and with too little data. */
  public static ParentWeights fixed(double k) {
    return new ParentWeights(Map.of(), k);
  }

  /**
   * Estimates k for each level from {@code baselines} (every segment of every level, as the night
   * computes them).
   */
  public static ParentWeights estimate(
      List<SegmentBaseline> baselines, int minSegmentSize, double minMad) {
    Map<String, SegmentBaseline> byKey = new HashMap<>();
    for (SegmentBaseline b : baselines) {
      byKey.put(b.level().name() + "/" + b.segmentKey(), b);
    }
    Map<SegmentLevel, double[]> sums = new EnumMap<>(SegmentLevel.class);
    for (SegmentBaseline child : baselines) {
      SegmentLevel parentLevel = child.level().parent();
      if (parentLevel == null
          || child.contracts() < minSegmentSize
          || child.madLogValue() < minMad) {
        continue;
      }
      SegmentBaseline parent = byKey.get(parentLevel.name() + "/" + child.parentKey());
      if (parent == null || parent.madLogValue() < minMad) {
        continue;
      }
      double d = Math.log(child.madLogValue() / parent.madLogValue());
      double sampling =
          (1.0 / child.contracts() - 1.0 / parent.contracts())
              / (2 * ModeratedSpread.MAD_EFFICIENCY);
      double[] sum = sums.computeIfAbsent(child.level(), l -> new double[3]);
      sum[0]++;
      sum[1] += d * d;
      sum[2] += sampling;
    }
    Map<SegmentLevel, Double> estimated = new EnumMap<>(SegmentLevel.class);
    sums.forEach(
        (level, sum) -> {
          if (sum[0] >= MIN_PAIRS) {
            double tau2 = (sum[1] - sum[2]) / sum[0];
            estimated.put(
                level,
                tau2 > 0
                    ? 1 / (2 * ModeratedSpread.MAD_EFFICIENCY * tau2)
                    : Double.POSITIVE_INFINITY);
          }
        });
    return new ParentWeights(estimated, minSegmentSize);
  }

  /** k for a segment of {@code level} whose parent holds {@code parentContracts}. */
  public double of(SegmentLevel level, long parentContracts) {
    return Math.min(estimated.getOrDefault(level, fallback), parentContracts);
  }

  /** Whether {@code level}'s k was estimated tonight (false: the fallback). */
  public boolean isEstimated(SegmentLevel level) {
    return estimated.containsKey(level);
  }
}
