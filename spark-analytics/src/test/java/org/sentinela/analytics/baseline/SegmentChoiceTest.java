package org.sentinela.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentChoiceTest {

  private static final double MIN_MAD = 0.05;

  private static SegmentStats segment(SegmentLevel level, long n) {
    return segment(level, n, 0.5);
  }

  private static SegmentStats segment(SegmentLevel level, long n, double mad) {
    return new SegmentStats(level, level.name().toLowerCase(), n, 9.0, mad, 11.0);
  }

  @Test
  void passesOverASegmentWhereMostContractsShareOneValue() {
    // 295 inexigibilidades of one UF, most at the same R$ 2.4 million: MAD 0, so R$ 5 thousand
    // would be "82 robust deviations" away. The coarser segment has a real spread.
    List<SegmentStats> segments =
        List.of(
            segment(SegmentLevel.UF_MODALITY, 295, 0.0),
            segment(SegmentLevel.MACRO_MODALITY, 900, 1.2),
            segment(SegmentLevel.NATIONAL, 3000, 1.4));

    SegmentChoice choice = SegmentChoice.choose(segments, 30, MIN_MAD);

    assertThat(choice.chosen().level()).isEqualTo(SegmentLevel.MACRO_MODALITY);
    assertThat(choice.skipped()).extracting(SegmentStats::contracts).containsExactly(295L);
  }

  @Test
  void takesTheFinestSegmentWithEnoughContracts() {
    List<SegmentStats> segments =
        List.of(
            segment(SegmentLevel.UF_MODALITY_ORGAN, 30),
            segment(SegmentLevel.UF_MODALITY, 300),
            segment(SegmentLevel.NATIONAL, 3000));

    SegmentChoice choice = SegmentChoice.choose(segments, 30, MIN_MAD);

    assertThat(choice.chosen().level()).isEqualTo(SegmentLevel.UF_MODALITY_ORGAN);
    assertThat(choice.skipped()).isEmpty();
  }

  @Test
  void fallsBackToACoarserLevelAndRecordsTheSkippedOnes() {
    List<SegmentStats> segments =
        List.of(
            segment(SegmentLevel.UF_MODALITY_ORGAN, 13),
            segment(SegmentLevel.UF_MODALITY, 29),
            segment(SegmentLevel.MACRO_MODALITY, 31),
            segment(SegmentLevel.NATIONAL, 3000));

    SegmentChoice choice = SegmentChoice.choose(segments, 30, MIN_MAD);

    assertThat(choice.chosen().level()).isEqualTo(SegmentLevel.MACRO_MODALITY);
    assertThat(choice.skipped())
        .extracting(SegmentStats::level, SegmentStats::contracts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SegmentLevel.UF_MODALITY_ORGAN, 13L),
            org.assertj.core.groups.Tuple.tuple(SegmentLevel.UF_MODALITY, 29L));
  }

  @Test
  void theNationalSegmentAlwaysQualifies() {
    SegmentChoice choice =
        SegmentChoice.choose(
            List.of(segment(SegmentLevel.MODALITY, 2), segment(SegmentLevel.NATIONAL, 3)),
            30,
            MIN_MAD);

    assertThat(choice.chosen().level()).isEqualTo(SegmentLevel.NATIONAL);
    assertThat(choice.skipped()).hasSize(1);
  }

  @Test
  void withoutANationalSegmentNothingMayQualify() {
    assertThatThrownBy(
            () -> SegmentChoice.choose(List.of(segment(SegmentLevel.UF_MODALITY, 2)), 30, MIN_MAD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no segment holds 30 contracts");
  }
}
