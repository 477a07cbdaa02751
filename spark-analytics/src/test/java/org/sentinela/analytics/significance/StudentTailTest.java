package org.sentinela.analytics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTailTest {

  @Test
  void matchesTabulatedQuantiles() {
    // t(0.975, 10) = 2.228139, t(0.995, 30) = 2.749996, t(0.95, 1) = 6.313752
    assertThat(StudentTail.upper(2.228139, 10)).isCloseTo(0.025, within(1e-6));
    assertThat(StudentTail.upper(2.749996, 30)).isCloseTo(0.005, within(1e-6));
    assertThat(StudentTail.upper(6.313752, 1)).isCloseTo(0.05, within(1e-6));
    assertThat(StudentTail.upper(0.0, 7)).isCloseTo(0.5, within(1e-12));
    assertThat(StudentTail.upper(-2.228139, 10)).isCloseTo(0.975, within(1e-6));
  }

  @Test
  void approachesTheNormalTailWithManyDegreesOfFreedomAndIsHeavierWithFew() {
    assertThat(StudentTail.upper(4.0, 1e6) / NormalTail.upper(4.0)).isCloseTo(1.0, within(1e-3));
    assertThat(StudentTail.upper(4.0, 15)).isGreaterThan(10 * NormalTail.upper(4.0));
  }

  @Test
  void keepsRelativeAccuracyFarInTheTail() {
    double p = StudentTail.upper(40.0, 200);
    assertThat(p).isGreaterThan(0).isLessThan(1e-90);
    assertThat(StudentTail.upper(Double.POSITIVE_INFINITY, 5)).isEqualTo(PValues.FLOOR);
  }

  @Test
  void refusesNanAndBadDegreesOfFreedom() {
    assertThatThrownBy(() -> StudentTail.upper(Double.NaN, 5))
        .hasMessage("t must be a number, got NaN");
    assertThatThrownBy(() -> StudentTail.upper(1.0, 0))
        .hasMessage("degrees of freedom must be finite and > 0, got 0.0");
  }
}
