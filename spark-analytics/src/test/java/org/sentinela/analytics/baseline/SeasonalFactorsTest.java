package org.sentinela.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeasonalFactorsTest {

  private static final String NATIONAL = "national";
  private static final String PREGAO = "modality=PREGAO";

  private static SeasonalCell national(int month, long n, int years, double median) {
    return new SeasonalCell("NATIONAL", NATIONAL, null, null, month, n, years, median);
  }

  private static SeasonalCell pregao(int month, long n, int years, double median) {
    return new SeasonalCell("MODALITY", PREGAO, "NATIONAL", NATIONAL, month, n, years, median);
  }

  private static final Map<String, Double> MEDIANS =
      Map.of(
          SeasonalFactors.segment("NATIONAL", NATIONAL), 9.0,
          SeasonalFactors.segment("MODALITY", PREGAO), 9.5);

  @Test
  void aMonthSeenOverYearsIsTrustedInProportionToItsContractsAndShrunkTowardItsParent() {
    SeasonalFactors factors =
        SeasonalFactors.estimate(
            List.of(national(12, 180, 3, 9.6), pregao(12, 60, 3, 10.5)), MEDIANS);

    SeasonalFactor nationwide = factors.of("NATIONAL", NATIONAL, 12).orElseThrow();
    // raw 0.6, weight 180 / 200, shrunk toward no seasonality
    assertThat(nationwide.rawFactor()).isCloseTo(0.6, within(1e-12));
    assertThat(nationwide.weight()).isEqualTo(0.9);
    assertThat(nationwide.factor()).isCloseTo(0.54, within(1e-12));
    assertThat(nationwide.anchorLevel()).isEqualTo("NATIONAL");
    SeasonalFactor pregoes = factors.of("MODALITY", PREGAO, 12).orElseThrow();
    // raw 1.0, weight 60 / 80, the rest the national 0.54
    assertThat(pregoes.weight()).isEqualTo(0.75);
    assertThat(pregoes.factor()).isCloseTo(0.75 * 1.0 + 0.25 * 0.54, within(1e-12));
    assertThat(pregoes.multiple()).isCloseTo(Math.exp(0.885), within(1e-12));
    assertThat(pregoes.anchorLevel()).isEqualTo("MODALITY");
  }

  @Test
  void aMonthSeenInOneYearOnlyTakesItsParentsFactor() {
    SeasonalFactors factors =
        SeasonalFactors.estimate(
            List.of(national(12, 180, 3, 9.6), pregao(12, 500, 1, 11.0)), MEDIANS);

    SeasonalFactor pregoes = factors.of("MODALITY", PREGAO, 12).orElseThrow();
    assertThat(pregoes.weight()).isZero();
    assertThat(pregoes.rawFactor()).isCloseTo(1.5, within(1e-12));
    assertThat(pregoes.factor()).isCloseTo(0.54, within(1e-12));
    assertThat(pregoes.anchorLevel()).isEqualTo("NATIONAL");
  }

  @Test
  void withoutHistoryAnywhereThereIsNoAdjustment() {
    SeasonalFactors factors =
        SeasonalFactors.estimate(List.of(national(7, 40, 1, 9.9), pregao(7, 30, 1, 10.4)), MEDIANS);

    SeasonalFactor pregoes = factors.of("MODALITY", PREGAO, 7).orElseThrow();
    assertThat(pregoes.factor()).isZero();
    assertThat(pregoes.anchorLevel()).isNull();
    assertThat(factors.of("MODALITY", PREGAO, 8)).isEmpty();
    assertThat(SeasonalFactors.NONE.of("NATIONAL", NATIONAL, 7)).isEmpty();
  }

  @Test
  void listsEveryFactorFinestFirst() {
    SeasonalFactors factors =
        SeasonalFactors.estimate(
            List.of(pregao(2, 5, 2, 9.4), national(2, 9, 2, 9.1), national(1, 3, 2, 8.8)), MEDIANS);

    assertThat(factors.all())
        .extracting(f -> f.level() + " " + f.month())
        .containsExactly("MODALITY 2", "NATIONAL 1", "NATIONAL 2");
  }

  @Test
  void refusesACellWithoutItsParentOrItsBaseline() {
    assertThatThrownBy(() -> SeasonalFactors.estimate(List.of(pregao(3, 10, 2, 9.0)), MEDIANS))
        .hasMessage(
            "segment modality=PREGAO month 3: its parent national has no observations that month");
    assertThatThrownBy(() -> SeasonalFactors.estimate(List.of(national(3, 10, 2, 9.0)), Map.of()))
        .hasMessage("no baseline for segment national");
  }
}
