package org.sentinela.analytics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeverityTest {

  @Test
  void bandsOfTheQValue() {
    assertThat(Severity.of(1e-300)).isEqualTo(Severity.HIGH);
    assertThat(Severity.of(0.01)).isEqualTo(Severity.HIGH);
    assertThat(Severity.of(0.0100001)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.of(0.05)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.of(0.0500001)).isEqualTo(Severity.LOW);
    assertThat(Severity.of(1.0)).isEqualTo(Severity.LOW);
  }

  @Test
  void refusesWhatIsNotAQValue() {
    assertThatThrownBy(() -> Severity.of(0.0)).hasMessage("q-value must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> Severity.of(1.5)).hasMessage("q-value must be in (0, 1], got 1.5");
  }
}
