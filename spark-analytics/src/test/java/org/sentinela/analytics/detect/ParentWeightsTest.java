package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.SegmentBaseline;
import org.sentinela.analytics.baseline.SegmentLevel;

/** The night's estimate of k per level, on hand-made baselines whose τ² is known. */
class ParentWeightsTest {

  private static final SegmentLevel ORGAN = SegmentLevel.UF_MODALITY_ORGAN;
  private static final SegmentLevel STATE = SegmentLevel.UF_MODALITY;

  private static SegmentBaseline baseline(
      SegmentLevel level, String uf, String organ, long n, double mad) {
    return new SegmentBaseline(
        level,
        level.segmentKey(uf, "PREGAO", organ),
        uf,
        "PREGAO",
        level == ORGAN ? organ : null,
        n,
        10.0,
        mad,
        6.0,
        9.0,
        11.0,
        14.0);
  }

  /** One state segment (n = 100,000, MAD 1) and {@code organs} organ segments under it. */
  private static List<SegmentBaseline> stateWithOrgans(int organs, long n, double... logRatios) {
    List<SegmentBaseline> baselines = new ArrayList<>();
    baselines.add(baseline(STATE, "RJ", null, 100_000, 1.0));
    for (int i = 0; i < organs; i++) {
      double mad = Math.exp(logRatios[i % logRatios.length]);
      baselines.add(baseline(ORGAN, "RJ", String.valueOf(26000 + i), n, mad));
    }
    return baselines;
  }

  @Test
  void segmentsThatDifferFromTheirParentBeyondChanceGetASmallK() {
    // d = ±0.5: mean d² = 0.25; sampling (1/1000 − 1/100000) / 0.74; τ² the difference
    ParentWeights weights = ParentWeights.estimate(stateWithOrgans(40, 1000, 0.5, -0.5), 30, 0.05);

    double sampling = (1.0 / 1000 - 1.0 / 100_000) / (2 * 0.37);
    double tau2 = 0.25 - sampling;
    assertThat(weights.isEstimated(ORGAN)).isTrue();
    assertThat(weights.of(ORGAN, 100_000)).isCloseTo(1 / (2 * 0.37 * tau2), within(1e-9));
    assertThat(weights.of(ORGAN, 100_000)).isCloseTo(5.43, within(0.01));
  }

  @Test
  void segmentsThatSpreadLikeTheirParentGiveItAllTheWeightItsSizeAllows() {
    // every organ's MAD equals the state's: τ² is estimated below zero, k is the parent's size
    ParentWeights weights = ParentWeights.estimate(stateWithOrgans(40, 200, 0.0), 30, 0.05);

    assertThat(weights.isEstimated(ORGAN)).isTrue();
    assertThat(weights.of(ORGAN, 100_000)).isEqualTo(100_000.0);
    assertThat(weights.of(ORGAN, 2_500)).isEqualTo(2_500.0);
  }

  @Test
  void aLevelWithTooFewUsableSegmentsKeepsTheFallback() {
    List<SegmentBaseline> baselines = stateWithOrgans(ParentWeights.MIN_PAIRS - 1, 200, 0.5, -0.5);
    // too small or too narrow to count: they do not make up the difference
    baselines.add(baseline(ORGAN, "RJ", "1", 29, 2.0));
    baselines.add(baseline(ORGAN, "RJ", "2", 500, 0.01));

    ParentWeights weights = ParentWeights.estimate(baselines, 30, 0.05);

    assertThat(weights.isEstimated(ORGAN)).isFalse();
    assertThat(weights.of(ORGAN, 100_000)).isEqualTo(30.0);
    // no state segment has a parent among these baselines either
    assertThat(weights.isEstimated(STATE)).isFalse();
  }

  @Test
  void theFixedWeightsAreTheSameAtEveryLevelAndRefuseNonsense() {
    ParentWeights fixed = ParentWeights.fixed(30);

    assertThat(fixed.of(ORGAN, 1_000)).isEqualTo(30.0);
    assertThat(fixed.of(SegmentLevel.MODALITY, 1_000)).isEqualTo(30.0);
    assertThatThrownBy(() -> new ParentWeights(Map.of(ORGAN, 0.0), 30))
        .hasMessage("k of UF_MODALITY_ORGAN must be > 0, got 0.0");
    assertThatThrownBy(() -> ParentWeights.fixed(-1))
        .hasMessage("fallback k must be finite and >= 0, got -1.0");
  }
}
