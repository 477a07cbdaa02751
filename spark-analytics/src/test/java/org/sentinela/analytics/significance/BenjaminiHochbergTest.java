package org.sentinela.analytics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

  /** The 15 p-values of Benjamini and Hochberg's 1995 example. */
  private static final double[] BH_1995 = {
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719,
    0.6528, 0.7590, 1.000
  };

  @Test
  void matchesRsPAdjustOnTheBenjaminiHochbergExample() {
    // R: round(p.adjust(p, "BH"), 4)
    double[] r = {
      0.0015, 0.0030, 0.0095, 0.0356, 0.0603, 0.0639, 0.0639, 0.0645, 0.0765, 0.4860, 0.5812,
      0.7149, 0.7532, 0.8132, 1.0000
    };

    double[] q = BenjaminiHochberg.adjust(BH_1995, BH_1995.length);

    for (int i = 0; i < q.length; i++) {
      assertThat(q[i]).as("q[%d]", i).isCloseTo(r[i], within(0.5e-4));
    }
    assertThat(q[3]).isEqualTo(0.0095 * 15 / 4);
    // ranks 6 and 7 share the later, smaller p · m / rank
    assertThat(q[5]).isEqualTo(q[6]).isEqualTo(0.0298 * 15 / 7);
  }

  @Test
  void mCountsHypothesesThatGaveNoFindingAsPOfOne() {
    // p.adjust(c(0.002, 0.0001, 0.01, 0.0004), "BH", n = 50)
    double[] q = BenjaminiHochberg.adjust(new double[] {0.002, 0.0001, 0.01, 0.0004}, 50);

    assertThat(q).containsExactly(new double[] {0.002 * 50 / 3, 0.005, 0.125, 0.01}, within(1e-15));
    // the same with the 46 others given as 1
    double[] all = new double[50];
    java.util.Arrays.fill(all, 1.0);
    System.arraycopy(new double[] {0.002, 0.0001, 0.01, 0.0004}, 0, all, 0, 4);
    double[] full = BenjaminiHochberg.adjust(all, 50);
    assertThat(java.util.Arrays.copyOf(full, 4)).containsExactly(q, within(1e-15));
  }

  @Test
  void runsAdjustedSeparatelyWithTheCarriedMinimumEqualTheWhole() {
    double[] ascending = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298};
    double[] whole = BenjaminiHochberg.adjustSorted(ascending, 1, 40, 1.0);

    double[] first = {0.0001, 0.0004, 0.0019};
    double[] second = {0.0095, 0.0201, 0.0278, 0.0298};
    double carried = BenjaminiHochberg.runMinimum(second, 4, 40);
    double[] firstQ = BenjaminiHochberg.adjustSorted(first, 1, 40, carried);
    double[] secondQ = BenjaminiHochberg.adjustSorted(second, 4, 40, 1.0);

    assertThat(firstQ).containsExactly(java.util.Arrays.copyOfRange(whole, 0, 3));
    assertThat(secondQ).containsExactly(java.util.Arrays.copyOfRange(whole, 3, 7));
  }

  @Test
  void roundingNeverTakesAQValueBelowItsPValue() {
    // in doubles, 0.9391670189485866 × 567 / 567 is one bit below 0.9391670189485866
    double p = 0.9391670189485866;
    double[] ascending = new double[567];
    java.util.Arrays.fill(ascending, p);

    double[] q = BenjaminiHochberg.adjustSorted(ascending, 1, 567, 1.0);

    assertThat(p * 567 / 567).isLessThan(p);
    assertThat(q).containsOnly(p);
  }

  @Test
  void refusesFewerHypothesesThanFindingsAndUnsortedRuns() {
    assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.1, 0.2}, 1))
        .hasMessage("m (1 hypotheses) cannot be less than the 2 findings");
    assertThatThrownBy(() -> BenjaminiHochberg.adjustSorted(new double[] {0.2, 0.1}, 1, 5, 1))
        .hasMessageStartingWith("p-values must be ascending");
  }
}
