package org.sentinela.analytics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class RuleConventionTest {

  @Test
  void aFindingAtItsThresholdIsOneInAMillionAndTheEvidenceCompounds() {
    assertThat(RuleConvention.pValue(1.0, 1.0)).isCloseTo(1e-6, withinPercentage(1e-9));
    assertThat(RuleConvention.pValue(2.0, 2.0)).isCloseTo(1e-6, withinPercentage(1e-9));
    assertThat(RuleConvention.pValue(2.0, 1.0)).isCloseTo(1e-12, withinPercentage(1e-9));
    assertThat(RuleConvention.pValue(3.0, 2.0)).isCloseTo(1e-9, withinPercentage(1e-9));
    assertThat(RuleConvention.pValue(0.0, 1.0)).isEqualTo(1.0);
    // 10⁻⁶⁰⁰ is below what a double holds: the floor
    assertThat(RuleConvention.pValue(100.0, 1.0)).isEqualTo(PValues.FLOOR);
  }

  @Test
  void refusesANonPositiveThreshold() {
    assertThatThrownBy(() -> RuleConvention.pValue(1.0, 0.0))
        .hasMessage("need score >= 0 and threshold > 0, got 1.0 and 0.0");
  }
}
