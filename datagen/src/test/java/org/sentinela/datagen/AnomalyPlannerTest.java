package org.sentinela.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The planner's arithmetic, without generating a run. */
class AnomalyPlannerTest {

  @Test
  void aSpikeOfASmallUnitIsAMonthItsPoissonBackgroundGivesAtMostOnceInAMillion() {
    // Poisson(2): P(X >= 12) = 1.36e-6, P(X >= 13) = 2.07e-7; P(X >= 10) = 4.6e-5 was the old
    // floor of 10 contracts
    assertThat(AnomalyPlanner.poissonCountWithTailAtMost(2.0, 1e-6)).isEqualTo(13);
    assertThat(AnomalyPlanner.poissonCountWithTailAtMost(2.0, 1e-4)).isEqualTo(10);
    // Poisson(1): P(X >= 10) = 1.1e-7, P(X >= 9) = 1.1e-6
    assertThat(AnomalyPlanner.poissonCountWithTailAtMost(1.0, 1e-6)).isEqualTo(10);
    // nothing is rarer than certainty: P(X >= 0) = 1
    assertThat(AnomalyPlanner.poissonCountWithTailAtMost(3.0, 1.0)).isZero();
  }
}
