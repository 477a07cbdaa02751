package org.sentinela.analytics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Reference values from scipy.stats.norm.sf (1 − Φ), to 12+ significant digits. */
class NormalTailTest {

  @Test
  void matchesKnownNormalTails() {
    assertThat(NormalTail.twoSided(3.5)).isCloseTo(4.6525815807105e-4, withinPercentage(1e-9));
    assertThat(NormalTail.upper(3.5)).isCloseTo(2.3262907903552e-4, withinPercentage(1e-9));
    assertThat(NormalTail.twoSided(1.96)).isCloseTo(0.04999579029644087, withinPercentage(1e-9));
    assertThat(NormalTail.twoSided(0)).isEqualTo(1.0);
    assertThat(NormalTail.upper(0)).isEqualTo(0.5);
  }

  @Test
  void keepsItsRelativeAccuracyFarIntoTheTail() {
    assertThat(NormalTail.upper(10)).isCloseTo(7.61985302416047e-24, withinPercentage(1e-6));
    assertThat(NormalTail.twoSided(37)).isCloseTo(1.1451142445047853e-299, withinPercentage(1e-6));
  }

  @Test
  void isSymmetricAndNeverZero() {
    assertThat(NormalTail.twoSided(-3.5)).isEqualTo(NormalTail.twoSided(3.5));
    assertThat(NormalTail.upper(-3.5)).isCloseTo(1 - 2.3262907903552e-4, withinPercentage(1e-9));
    assertThat(NormalTail.twoSided(45)).isEqualTo(PValues.FLOOR);
    assertThat(NormalTail.upper(Double.POSITIVE_INFINITY)).isEqualTo(PValues.FLOOR);
  }

  @Test
  void refusesNaN() {
    assertThatThrownBy(() -> NormalTail.twoSided(Double.NaN))
        .hasMessage("z must be a number, got NaN");
  }
}
