package org.sentinela.analytics.significance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LegalExcessSeverityTest {

  @Test
  void anAmendmentOfNinetySevenTimesItsValueIsHighWhateverItsQValue() {
    // +9,747% against a 25% ceiling: score capped at 10; its empirical q-value was 0.3
    assertThat(Severity.of(0.3, "AMENDMENT_OVER_LIMIT", 10.0)).isEqualTo(Severity.HIGH);
  }

  @Test
  void amendmentBandsInMultiplesOfTheCeiling() {
    assertThat(Severity.of(0.3, "AMENDMENT_OVER_LIMIT", 1.04)).isEqualTo(Severity.LOW);
    assertThat(Severity.of(0.3, "AMENDMENT_OVER_LIMIT", 1.2)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.of(0.3, "AMENDMENT_OVER_LIMIT", 1.99)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.of(0.3, "AMENDMENT_OVER_LIMIT", 2.0)).isEqualTo(Severity.HIGH);
  }

  @Test
  void splittingBandsInMultiplesOfTheDispensaLimit() {
    assertThat(Severity.of(0.2, "CONTRACT_SPLITTING", 1.1)).isEqualTo(Severity.LOW);
    assertThat(Severity.of(0.2, "CONTRACT_SPLITTING", 1.5)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.of(0.2, "CONTRACT_SPLITTING", 2.4)).isEqualTo(Severity.HIGH);
  }

  @Test
  void aStrongQValueIsNeverLoweredByASmallExcess() {
    assertThat(Severity.of(0.001, "AMENDMENT_OVER_LIMIT", 1.05)).isEqualTo(Severity.HIGH);
    assertThat(Severity.of(0.02, "CONTRACT_SPLITTING", 1.3)).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void statisticalDetectorsKeepTheirQValueBand() {
    assertThat(Severity.of(0.3, "VALUE_OUTLIER", 40.0)).isEqualTo(Severity.LOW);
    assertThat(Severity.of(0.3, "BUNCHING", 5.0)).isEqualTo(Severity.LOW);
    assertThat(LegalExcessSeverity.of("DUPLICATE_REGISTRATION", 9.0)).isEmpty();
  }

  @Test
  void bandsMustStartAtTheLimitAndRise() {
    assertThatThrownBy(() -> new LegalExcessSeverity(0.9, 2.0))
        .hasMessage("need 1 <= mediumFrom < highFrom, got 0.9 and 2.0");
    assertThatThrownBy(() -> new LegalExcessSeverity(1.5, 1.5))
        .hasMessage("need 1 <= mediumFrom < highFrom, got 1.5 and 1.5");
  }
}
