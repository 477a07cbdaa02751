package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustZTest {

  @Test
  void measuresTheDistanceFromTheMedianInScaledMads() {
    // (12 − 10) / (1.4826 × 0.5)
    assertThat(RobustZ.of(12.0, 10.0, 0.5, 0.05)).isCloseTo(2.0 / 0.7413, within(1e-12));
    assertThat(RobustZ.of(8.0, 10.0, 0.5, 0.05)).isCloseTo(-2.0 / 0.7413, within(1e-12));
  }

  @Test
  void aZeroMadIsReplacedByMinMad() {
    // a segment of identical values: MAD 0, the floor 0.05 applies
    assertThat(RobustZ.scale(0.0, 0.05)).isCloseTo(1.4826 * 0.05, within(1e-15));
    assertThat(RobustZ.of(Math.log(20_000), Math.log(10_000), 0.0, 0.05))
        .isCloseTo(Math.log(2) / (1.4826 * 0.05), within(1e-9));
  }

  @Test
  void aMadBelowMinMadIsRaisedToIt() {
    assertThat(RobustZ.scale(0.01, 0.05)).isEqualTo(RobustZ.scale(0.05, 0.05));
    assertThat(RobustZ.scale(0.2, 0.05)).isCloseTo(1.4826 * 0.2, within(1e-15));
  }

  @Test
  void refusesANonPositiveFloor() {
    assertThatThrownBy(() -> RobustZ.scale(0.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min_mad must be > 0, got 0.0");
  }
}
