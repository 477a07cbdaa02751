package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressEstimateTest {

  @Test
  void theTimeLeftIsTheElapsedTimeScaledByTheUnreadShare() {
    // 30 MB of 120 MB in 10 s: 90 MB left at 3 MB/s is 30 s
    ProgressEstimate e =
        new ProgressEstimate(50_000, 30_000_000, 120_000_000, Duration.ofSeconds(10));

    assertThat(e.fraction()).hasValue(0.25);
    assertThat(e.recordsPerSecond()).isEqualTo(5_000.0);
    assertThat(e.eta()).hasValue(Duration.ofSeconds(30));
    assertThat(e.describe("202105_Compras.csv"))
        .isEqualTo(
            "202105_Compras.csv: 50,000 records, 25.0% of 120.0 MB, 5,000 records/s, ETA 30s");
  }

  @Test
  void aFileReadToTheEndHasNothingLeft() {
    ProgressEstimate e = new ProgressEstimate(2_683, 1_591_360, 1_591_360, Duration.ofMillis(1500));

    assertThat(e.fraction()).hasValue(1.0);
    assertThat(e.eta()).hasValue(Duration.ZERO);
    assertThat(e.recordsPerSecond()).isCloseTo(1788.67, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void moreBytesThanTheSizeSaysCountAsDoneNotAsNegativeTime() {
    ProgressEstimate e = new ProgressEstimate(10, 1_200, 1_000, Duration.ofSeconds(2));

    assertThat(e.fraction()).hasValue(1.0);
    assertThat(e.eta()).hasValue(Duration.ZERO);
  }

  @Test
  void withoutASizeOrBeforeTheFirstByteThereIsNoEta() {
    ProgressEstimate unknownSize = new ProgressEstimate(10, 1_000, -1, Duration.ofSeconds(4));
    ProgressEstimate nothingRead = new ProgressEstimate(0, 0, 1_000, Duration.ofSeconds(4));

    assertThat(unknownSize.fraction()).isEmpty();
    assertThat(unknownSize.eta()).isEmpty();
    assertThat(unknownSize.describe("a.zip!b.csv"))
        .isEqualTo("a.zip!b.csv: 10 records, 3 records/s");
    assertThat(nothingRead.eta()).isEmpty();
    assertThat(nothingRead.recordsPerSecond()).isZero();
  }

  @Test
  void aLongFileDoesNotOverflowTheEstimate() {
    // 1 GB of a 50 GB file in 20 minutes: 49 times as long again
    ProgressEstimate e =
        new ProgressEstimate(3_000_000, 1_000_000_000L, 50_000_000_000L, Duration.ofMinutes(20));

    assertThat(e.eta()).hasValue(Duration.ofMinutes(20 * 49));
    assertThat(ProgressEstimate.format(e.eta().orElseThrow())).isEqualTo("16h 20m 00s");
    assertThat(ProgressEstimate.format(Duration.ofSeconds(245))).isEqualTo("4m 05s");
  }

  @Test
  void rejectsImpossibleFigures() {
    assertThatThrownBy(() -> new ProgressEstimate(-1, 0, 0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new ProgressEstimate(0, 0, -2, Duration.ZERO))
        .hasMessageContaining("-2");
    assertThatThrownBy(() -> new ProgressEstimate(0, 0, 0, Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
  }
}
