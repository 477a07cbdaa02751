package org.sentinela.datagen;

import java.time.LocalDate;

/**
 * The legal limits the generator respects and breaks on purpose: the dispensa-by-value limits (Lei
 * 8.666/93 art. 24 I/II until 31 March 2021, then Lei 14.133/2021 art. 75 I/II as updated by decree
 * each year) and the amendment ceilings (25%, 50% for renovations). The same figures as
 * reporting-db's {@code legal_limits} table (V4 migration) and /work/shared/DOMAIN.md; where both
 * laws were in force, Lei 14.133's limit is taken, as the detectors do.
 */
public final class DispensaLimits {

  /** Lei 14.133 took effect on 1 April 2021. */
  static final LocalDate LEI_14133_FROM = LocalDate.of(2021, 4, 1);

  /** Amendment ceiling, art. 125 Lei 14.133 (art. 65 §1º Lei 8.666): 25% of the initial value. */
  public static final double AMENDMENT_CEILING = 0.25;

  /** Amendment ceiling for renovations of buildings or equipment: 50%. */
  public static final double RENOVATION_AMENDMENT_CEILING = 0.50;

  private DispensaLimits() {}

  /**
   * The dispensa limit in cents for a contract signed on {@code date}.
   *
   * @param works true for works and engineering services (art. 75 I / art. 24 I); false for other
   *     purchases and services (art. 75 II / art. 24 II)
   */
  public static long limitCents(LocalDate date, boolean works) {
    if (date.isBefore(LEI_14133_FROM)) {
      return works ? 3_300_000L : 1_760_000L; // Dec. 9.412/2018
    }
    return switch (date.getYear()) {
      case 2021 -> works ? 10_000_000L : 5_000_000L; // Lei 14.133/2021
      case 2022 -> works ? 10_804_082L : 5_402_041L; // Dec. 10.922/2021
      case 2023 -> works ? 11_441_665L : 5_720_833L; // Dec. 11.317/2022
      case 2024 -> works ? 11_981_202L : 5_990_602L; // Dec. 11.871/2023
      case 2025 -> works ? 12_545_115L : 6_272_559L; // Dec. 12.343/2024
      default -> works ? 13_098_420L : 6_549_211L; // Dec. 12.807/2025, in force from 2026
    };
  }
}
