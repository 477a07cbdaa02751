package org.sentinela.analytics.legal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code legal_limits} table, read once per run: which limit applies on a date. Where both laws
 * have one (1 April 2021 to 30 December 2023, when buyers could choose), Lei 14.133's applies.
 */
public record LegalLimits(List<LegalLimit> limits) implements Serializable {

  public LegalLimits {
    limits =
        limits.stream()
            .sorted(Comparator.comparing(LegalLimit::kind).thenComparing(LegalLimit::validFrom))
            .toList();
    for (int i = 1; i < limits.size(); i++) {
      LegalLimit previous = limits.get(i - 1);
      LegalLimit next = limits.get(i);
      if (previous.kind() == next.kind()
          && (previous.validTo() == null || !previous.validTo().isBefore(next.validFrom()))) {
        throw new IllegalArgumentException(
            "legal_limits has overlapping periods for "
                + next.kind()
                + ": from "
                + previous.validFrom()
                + " to "
                + (previous.validTo() == null ? "(open)" : previous.validTo())
                + " and from "
                + next.validFrom());
      }
    }
  }

  /** The {@code kind} limit in force on {@code date}. */
  public Optional<LegalLimit> of(LimitKind kind, LocalDate date) {
    return limits.stream().filter(l -> l.kind() == kind && l.validOn(date)).findFirst();
  }

  /** The dispensa-by-value limit for a contract of {@code nature} signed on {@code date}. */
  public Optional<LegalLimit> dispensa(LocalDate date, ObjectNature nature) {
    return of(LimitKind.dispensa(Law.LEI_14133, nature), date)
        .or(() -> of(LimitKind.dispensa(Law.LEI_8666, nature), date));
  }

  /**
   * Every dispensa-by-value limit in force on {@code date} for {@code nature}, Lei 14.133's first:
   * two while buyers could choose either law (1 April 2021 to 30 December 2023), else one or none.
   */
  public List<LegalLimit> dispensaLimits(LocalDate date, ObjectNature nature) {
    return Stream.of(Law.LEI_14133, Law.LEI_8666)
        .flatMap(law -> of(LimitKind.dispensa(law, nature), date).stream())
        .toList();
  }

  /** The amendment ceiling for a contract signed on {@code date}. */
  public Optional<LegalLimit> amendment(LocalDate date, boolean renovation) {
    return of(LimitKind.amendment(Law.LEI_14133, renovation), date)
        .or(() -> of(LimitKind.amendment(Law.LEI_8666, renovation), date));
  }
}
