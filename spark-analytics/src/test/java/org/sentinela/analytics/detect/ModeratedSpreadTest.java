package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.baseline.SegmentLevel;
import org.sentinela.analytics.baseline.SegmentStats;
import org.sentinela.analytics.significance.StudentTail;

class ModeratedSpreadTest {

  private static SegmentStats segment(SegmentLevel level, long n, double mad) {
    return new SegmentStats(level, level.name(), n, 10.0, mad, 12.0);
  }

  private static final SegmentStats ORGAN = segment(SegmentLevel.UF_MODALITY_ORGAN, 30, 0.5);
  private static final SegmentStats STATE = segment(SegmentLevel.UF_MODALITY, 3000, 1.0);
  private static final SegmentStats NATIONAL = segment(SegmentLevel.NATIONAL, 90000, 1.2);

  @Test
  void aSegmentOfMinSegmentSizeTakesHalfItsVarianceFromItsParent() {
    ModeratedSpread spread =
        ModeratedSpread.of(ORGAN, List.of(ORGAN, STATE, NATIONAL), ParentWeights.fixed(30));

    assertThat(spread.parent()).contains(STATE);
    assertThat(spread.mad()).isCloseTo(Math.sqrt((0.25 + 1.0) / 2), within(1e-12));
    assertThat(spread.degreesOfFreedom()).isCloseTo(0.37 * 60, within(1e-12));
  }

  @Test
  void aLargeSegmentKeepsNearlyItsOwnSpreadAndTheNationalOneExactlyIts() {
    ModeratedSpread state =
        ModeratedSpread.of(STATE, List.of(ORGAN, STATE, NATIONAL), ParentWeights.fixed(30));
    ModeratedSpread national =
        ModeratedSpread.of(NATIONAL, List.of(STATE, NATIONAL), ParentWeights.fixed(30));

    assertThat(state.mad()).isCloseTo(Math.sqrt((3000 * 1.0 + 30 * 1.44) / 3030), within(1e-12));
    assertThat(state.mad()).isCloseTo(1.0, within(0.01));
    assertThat(national.parent()).isEmpty();
    assertThat(national.weightOfParent()).isZero();
    assertThat(national.mad()).isEqualTo(1.2);
    assertThat(national.degreesOfFreedom()).isCloseTo(0.37 * 90000, within(1e-6));
  }

  @Test
  void anEstimatedWeightIsCappedAtTheParentsSize() {
    ParentWeights weights =
        new ParentWeights(Map.of(SegmentLevel.UF_MODALITY_ORGAN, Double.POSITIVE_INFINITY), 30);

    ModeratedSpread spread = ModeratedSpread.of(ORGAN, List.of(ORGAN, STATE, NATIONAL), weights);

    assertThat(spread.weightOfParent()).isEqualTo(3000.0);
    assertThat(spread.mad()).isCloseTo(Math.sqrt((30 * 0.25 + 3000 * 1.0) / 3030), within(1e-12));
    assertThat(spread.degreesOfFreedom()).isCloseTo(0.37 * 3030, within(1e-9));
  }

  @Test
  void thePValueIsOneSidedAndLargerInSmallSegmentsForTheSameZ() {
    ModeratedSpread small = new ModeratedSpread(0.5, 30, Optional.of(STATE), 30);
    ModeratedSpread large = new ModeratedSpread(1.0, 3000, Optional.of(NATIONAL), 30);

    assertThat(small.upperPValue(4.0))
        .isEqualTo(StudentTail.upper(4.0 / Math.sqrt(1 + Math.PI / 60), 0.37 * 60));
    assertThat(small.upperPValue(4.0)).isGreaterThan(10 * large.upperPValue(4.0));
    assertThat(large.upperPValue(-4.0)).isGreaterThan(0.99);
  }

  @Test
  void refusesImpossibleInputs() {
    assertThatThrownBy(() -> new ModeratedSpread(-0.1, 30, Optional.empty(), 30))
        .hasMessage("segment MAD must be finite and >= 0, got -0.1");
    assertThatThrownBy(() -> new ModeratedSpread(0.5, 0, Optional.empty(), 30))
        .hasMessage("segment size must be >= 1, got 0");
    assertThatThrownBy(() -> new ModeratedSpread(0.5, 30, Optional.empty(), -1))
        .hasMessage("prior weight must be finite and >= 0, got -1.0");
  }
}
