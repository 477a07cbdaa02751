package org.sentinela.analytics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmpiricalTailTest {

  @Test
  void thePValueIsTheShareOfTheReferenceAtOrAboveTheValue() {
    EmpiricalTail tail = EmpiricalTail.of(1.0, 10, 0.0, 0.5, 1.04, 2.0, 2.0, 7.5);

    assertThat(tail.n()).isEqualTo(10);
    assertThat(tail.atLeast(1.04)).isEqualTo(4);
    assertThat(tail.atLeast(2.0)).isEqualTo(3);
    assertThat(tail.atLeast(8.0)).isZero();
    assertThat(tail.pValue(1.04)).isEqualTo(0.4);
    assertThat(tail.pValue(7.5)).isEqualTo(0.1);
    // a value above all of the reference still counts itself
    assertThat(tail.pValue(8.0)).isEqualTo(0.1);
  }

  @Test
  void partitionsMergeIntoTheSameReference() {
    EmpiricalTail whole = EmpiricalTail.of(1.0, 6, 3.0, 1.5, 0.2, 2.5, 1.0, 0.0);
    EmpiricalTail merged =
        EmpiricalTail.of(1.0, 3, 3.0, 0.2, 1.0).merge(EmpiricalTail.of(1.0, 3, 1.5, 2.5, 0.0));

    assertThat(merged.n()).isEqualTo(whole.n());
    for (double x : new double[] {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0}) {
      assertThat(merged.atLeast(x)).as("at least %s", x).isEqualTo(whole.atLeast(x));
    }
  }

  @Test
  void anEmptyReferenceGivesNoEvidence() {
    assertThat(EmpiricalTail.of(1.0, 0).pValue(5.0)).isEqualTo(1.0);
  }

  @Test
  void refusesWhatItDidNotKeep() {
    EmpiricalTail tail = EmpiricalTail.of(1.0, 3, 2.0);

    assertThatThrownBy(() -> tail.atLeast(0.5))
        .hasMessage("the tail is kept from 1.0 only; cannot count values >= 0.5");
    assertThatThrownBy(() -> tail.merge(EmpiricalTail.of(2.0, 1)))
        .hasMessage("cannot merge tails from 1.0 and from 2.0");
    assertThatThrownBy(() -> EmpiricalTail.of(1.0, 1, 2.0, 3.0))
        .hasMessage("a tail cannot keep 2 of 1 values");
  }
}
