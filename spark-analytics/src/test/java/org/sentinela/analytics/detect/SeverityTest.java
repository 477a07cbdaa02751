package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeverityTest {

  @Test
  void bandsAreMultiplesOfTheThreshold() {
    double threshold = 3.5;
    assertThat(Severity.of(3.5, threshold)).isEqualTo(Severity.LOW);
    assertThat(Severity.of(5.249, threshold)).isEqualTo(Severity.LOW);
    assertThat(Severity.of(5.25, threshold)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.of(6.999, threshold)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.of(7.0, threshold)).isEqualTo(Severity.HIGH);
    assertThat(Severity.of(180.0, threshold)).isEqualTo(Severity.HIGH);
  }

  @Test
  void directionFollowsTheSignOfZ() {
    assertThat(Direction.of(4.2)).isEqualTo(Direction.ABOVE);
    assertThat(Direction.of(-4.2)).isEqualTo(Direction.BELOW);
    assertThat(Direction.BELOW.word()).isEqualTo("below");
  }
}
