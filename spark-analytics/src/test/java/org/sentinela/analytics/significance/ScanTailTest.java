package org.sentinela.analytics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Reference values: scipy.stats.binom.sf(k − 1, n, span / period) × period / span. */
class ScanTailTest {

  @Test
  void allThreeOfAPairsDispensasWithinSixtyOneDays() {
    assertThat(ScanTail.pValue(3, 3, 61, 365))
        .isCloseTo(0.02793019328204166, withinPercentage(1e-9));
  }

  @Test
  void fiveOfTenWithinThirtyDaysIsRarerThanThreeOfThreeWithinSixtyOne() {
    assertThat(ScanTail.pValue(10, 5, 30, 365))
        .isCloseTo(0.0006639772154037407 * 365 / 30, withinPercentage(1e-9));
  }

  @Test
  void aSpreadOutClusterIsNoEvidence() {
    // 2 of 12 monthly purchases within 31 days: expected, capped at 1
    assertThat(ScanTail.pValue(12, 2, 31, 365)).isEqualTo(1.0);
    assertThat(ScanTail.pValue(3, 3, 365, 365)).isEqualTo(1.0);
  }

  @Test
  void refusesImpossibleClusters() {
    assertThatThrownBy(() -> ScanTail.pValue(2, 3, 10, 365))
        .hasMessage("need 1 <= k <= n, got k=3, n=2");
    assertThatThrownBy(() -> ScanTail.pValue(3, 2, 0, 365))
        .hasMessage("span and period must be >= 1 day, got 0 and 365");
  }
}
