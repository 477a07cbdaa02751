package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sentinela.analytics.baseline.SegmentStats;
import org.sentinela.analytics.significance.StudentTail;

/**
 * A segment's spread of ln(value) moderated toward its parent segment's, and the one-sided p-value
 * that goes with it: Smyth's moderated t (2004), with the parent's spread as the prior.
 *
 * <p>The MAD of a segment of a few dozen contracts is itself noisy: by chance it can come out
 * narrow, and then an ordinary value of that segment scores as an outlier, or wide, and then a real
 * outlier hides in it. So the variance used is {@code (n · MAD² + k · MAD_parent²) / (n + k)}: the
 * segment's own weighs as its n contracts, the parent's (the next coarser level, which holds this
 * one) as k contracts. k is estimated each night from how far the level's segments' spreads differ
 * from their parents' beyond chance ({@link ParentWeights}), capped at the parent's size; with too
 * few segments it is {@code min_segment_size}. With k = 30, a segment of 30 contracts takes half
 * its spread from its parent and one of 3,000 keeps 99% of its own. The national segment has no
 * parent and keeps its MAD.
 *
 * <p>The p-value is the upper tail of Student's t with {@value #MAD_EFFICIENCY} × (n + k) degrees
 * of freedom (a MAD of n values carries about as much information on σ as a standard deviation of
 * 0.37 n: its asymptotic efficiency under normality), of z / √(1 + π / 2n): the contract is
 * compared with a median estimated from n values, whose variance is π σ² / 2n. Small segments thus
 * get larger p-values, and rank after large ones of the same z.
 *
 * @param segmentMad the MAD of ln(value) of the segment scored against
 * @param contracts n, that segment's size
 * @param parent the parent segment, empty for the national one
 * @param priorWeight k, how many contracts the parent's spread counts as
 */
public record ModeratedSpread(
    double segmentMad, long contracts, Optional<SegmentStats> parent, double priorWeight)
    implements Serializable {

  /** Asymptotic efficiency of the MAD relative to the standard deviation under normality. */
  public static final double MAD_EFFICIENCY = 0.37;

  public ModeratedSpread {
    if (!(segmentMad >= 0 && Double.isFinite(segmentMad))) {
      throw new IllegalArgumentException("segment MAD must be finite and >= 0, got " + segmentMad);
    }
    if (contracts < 1) {
      throw new IllegalArgumentException("segment size must be >= 1, got " + contracts);
    }
    Objects.requireNonNull(parent, "parent");
    if (!(priorWeight >= 0 && Double.isFinite(priorWeight))) {
      throw new IllegalArgumentException(
          "prior weight must be finite and >= 0, got " + priorWeight);
    }
  }

  /**
   * The spread of {@code chosen}, moderated toward the segment after it in {@code finestFirst} with
   * the k that {@code weights} gives its level.
   */
  public static ModeratedSpread of(
      SegmentStats chosen, List<SegmentStats> finestFirst, ParentWeights weights) {
    int at = finestFirst.indexOf(chosen);
    Optional<SegmentStats> parent =
        at >= 0 && at + 1 < finestFirst.size()
            ? Optional.of(finestFirst.get(at + 1))
            : Optional.empty();
    double k = parent.map(p -> weights.of(chosen.level(), p.contracts())).orElse(0.0);
    return new ModeratedSpread(chosen.madLogValue(), chosen.contracts(), parent, k);
  }

  /** k, or 0 without a parent. */
  public double weightOfParent() {
    return parent.isPresent() ? priorWeight : 0;
  }

  /** √((n · MAD² + k · MAD_parent²) / (n + k)). */
  public double mad() {
    if (parent.isEmpty()) {
      return segmentMad;
    }
    double parentMad = parent.get().madLogValue();
    return Math.sqrt(
        (contracts * segmentMad * segmentMad + priorWeight * parentMad * parentMad)
            / (contracts + priorWeight));
  }

  /** ν = {@value #MAD_EFFICIENCY} × (n + k). */
  public double degreesOfFreedom() {
    return MAD_EFFICIENCY * (contracts + weightOfParent());
  }

  /** P(T_ν ≥ z / √(1 + π / 2n)): the chance of a robust z at least this high under the null. */
  public double upperPValue(double z) {
    return StudentTail.upper(z / Math.sqrt(1 + Math.PI / (2.0 * contracts)), degreesOfFreedom());
  }
}
