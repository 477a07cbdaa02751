package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values are the exact sums Σ C(n, j) p^j (1 − p)^(n − j), computed in rational
 * arithmetic (Python's {@code fractions}) and rounded to double.
 */
class BinomialTailTest {

  @ParameterizedTest(name = "P(X >= {1}) for Binomial({0}, {2}) = {3}")
  @CsvSource({
    "10, 8, 0.5, 0.0546875",
    "5, 4, 0.195, 0.0061017006375",
    "20, 5, 0.1, 0.043174495284463384",
    "1000, 130, 0.1, 0.001341398370873429",
    "1000, 80, 0.1, 0.9867347702682329",
    "100, 20, 0.01, 2.4944165604029172e-20",
    "3, 3, 0.2, 0.008",
    "5000, 1200, 0.2, 2.6734748784210105e-12",
    "60, 20, 0.195, 0.008057911351695847",
    "5000, 900, 0.2, 0.9998387234021069"
  })
  void matchesTheExactSum(int n, int k, double p, double expected) {
    assertThat(BinomialTail.upper(n, k, p)).isCloseTo(expected, withinPercentage(1e-9));
  }

  @Test
  void edgesAreExact() {
    assertThat(BinomialTail.upper(10, 0, 0.3)).isEqualTo(1.0);
    assertThat(BinomialTail.upper(10, -1, 0.3)).isEqualTo(1.0);
    assertThat(BinomialTail.upper(10, 11, 0.3)).isEqualTo(0.0);
    assertThat(BinomialTail.upper(10, 1, 0.0)).isEqualTo(0.0);
    assertThat(BinomialTail.upper(10, 10, 1.0)).isEqualTo(1.0);
    assertThat(BinomialTail.upper(0, 0, 0.5)).isEqualTo(1.0);
    assertThat(BinomialTail.upper(10, 10, 0.5)).isEqualTo(Math.pow(0.5, 10));
  }

  @Test
  void theTailFallsAsTheCountRises() {
    double previous = 1;
    for (int k = 0; k <= 40; k++) {
      double tail = BinomialTail.upper(40, k, 0.3);
      assertThat(tail).isLessThanOrEqualTo(previous).isBetween(0.0, 1.0);
      previous = tail;
    }
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> BinomialTail.upper(-1, 0, 0.5)).hasMessage("n must be >= 0, got -1");
    assertThatThrownBy(() -> BinomialTail.upper(5, 1, 1.5))
        .hasMessage("p must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> BinomialTail.upper(5, 1, Double.NaN))
        .hasMessage("p must be in [0, 1], got NaN");
  }
}
