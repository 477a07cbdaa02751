package org.sentinela.analytics.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentinela.analytics.fixtures.SeededLegalLimits;

class LegalLimitsTest {

  private static final LegalLimits LIMITS = SeededLegalLimits.asMigrated();

  private static String dispensa(String date, ObjectNature nature) {
    LegalLimit limit = LIMITS.dispensa(LocalDate.parse(date), nature).orElseThrow();
    return limit.kind() + " " + limit.amount().toPlainString() + " " + limit.act();
  }

  @Test
  void theDispensaLimitFollowsTheYearAndTheKindOfObject() {
    assertThat(dispensa("2022-03-10", ObjectNature.PURCHASES_AND_SERVICES))
        .isEqualTo("ART75_II 54020.41 Dec. 10.922/2021");
    assertThat(dispensa("2022-03-10", ObjectNature.WORKS_OR_ENGINEERING))
        .isEqualTo("ART75_I 108040.82 Dec. 10.922/2021");
    assertThat(dispensa("2024-12-31", ObjectNature.VEHICLE_MAINTENANCE))
        .isEqualTo("ART75_I 119812.02 Dec. 11.871/2023");
    assertThat(dispensa("2025-01-01", ObjectNature.PURCHASES_AND_SERVICES))
        .isEqualTo("ART75_II 62725.59 Dec. 12.343/2024");
    // the latest decree stays in force until the next one
    assertThat(dispensa("2027-06-01", ObjectNature.PURCHASES_AND_SERVICES))
        .isEqualTo("ART75_II 65492.11 Dec. 12.807/2025");
  }

  @Test
  void beforeLei14133TheLei8666LimitsApplyWithVehicleMaintenanceAsAService() {
    assertThat(dispensa("2021-03-31", ObjectNature.PURCHASES_AND_SERVICES))
        .isEqualTo("ART24_II 17600.00 Dec. 9.412/2018");
    assertThat(dispensa("2021-03-31", ObjectNature.WORKS_OR_ENGINEERING))
        .isEqualTo("ART24_I 33000.00 Dec. 9.412/2018");
    assertThat(dispensa("2020-05-05", ObjectNature.VEHICLE_MAINTENANCE))
        .isEqualTo("ART24_II 17600.00 Dec. 9.412/2018");
    // both laws in force: Lei 14.133's (higher) limit
    assertThat(dispensa("2021-04-01", ObjectNature.PURCHASES_AND_SERVICES))
        .isEqualTo("ART75_II 50000.00 Lei 14.133/2021");
    assertThat(LIMITS.dispensa(LocalDate.of(2018, 7, 18), ObjectNature.PURCHASES_AND_SERVICES))
        .isEmpty();
  }

  @Test
  void whileBuyersCouldChooseEitherLawBothDispensaLimitsAreInForce() {
    assertThat(
            LIMITS.dispensaLimits(LocalDate.of(2022, 3, 10), ObjectNature.PURCHASES_AND_SERVICES))
        .extracting(l -> l.kind() + " " + l.amount().toPlainString())
        .containsExactly("ART75_II 54020.41", "ART24_II 17600.00");
    assertThat(LIMITS.dispensaLimits(LocalDate.of(2021, 3, 31), ObjectNature.WORKS_OR_ENGINEERING))
        .extracting(l -> l.kind() + " " + l.amount().toPlainString())
        .containsExactly("ART24_I 33000.00");
    assertThat(LIMITS.dispensaLimits(LocalDate.of(2024, 1, 2), ObjectNature.VEHICLE_MAINTENANCE))
        .extracting(l -> l.kind() + " " + l.amount().toPlainString())
        .containsExactly("ART75_I 119812.02");
    assertThat(
            LIMITS.dispensaLimits(LocalDate.of(2018, 7, 18), ObjectNature.PURCHASES_AND_SERVICES))
        .isEmpty();
  }

  @Test
  void amendmentCeilingsAre25And50PercentUnderBothLaws() {
    LegalLimit old = LIMITS.amendment(LocalDate.of(2020, 1, 1), true).orElseThrow();
    LegalLimit current = LIMITS.amendment(LocalDate.of(2024, 1, 1), false).orElseThrow();

    assertThat(old.kind()).isEqualTo(LimitKind.ART65_RENOVATION);
    assertThat(old.amount()).isEqualByComparingTo("0.5");
    assertThat(old.kind().provision()).isEqualTo("Lei 8.666/93 art. 65 §1º");
    assertThat(current.kind()).isEqualTo(LimitKind.ART125_AMENDMENT);
    assertThat(current.amount()).isEqualByComparingTo("0.25");
    assertThat(current.kind().provision()).isEqualTo("Lei 14.133/2021 art. 125");
  }

  @Test
  void overlappingPeriodsOfOneKindAreRefused() {
    LegalLimit first =
        new LegalLimit(
            LimitKind.ART75_II,
            2022,
            new BigDecimal("54020.41"),
            "Dec. 10.922/2021",
            LocalDate.of(2022, 1, 1),
            null);
    LegalLimit second =
        new LegalLimit(
            LimitKind.ART75_II,
            2023,
            new BigDecimal("57208.33"),
            "Dec. 11.317/2022",
            LocalDate.of(2023, 1, 1),
            null);

    assertThatThrownBy(() -> new LegalLimits(List.of(second, first)))
        .hasMessage(
            "legal_limits has overlapping periods for ART75_II: from 2022-01-01 to (open) and"
                + " from 2023-01-01");
  }
}
