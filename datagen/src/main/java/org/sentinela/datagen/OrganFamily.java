package org.sentinela.datagen;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A kind of federal buyer unit: its superior organ and organ, how its units are named, and how much
 * and what it buys.
 *
 * @param superiorCode "Código Órgão Superior", e.g. {@code 52000}
 * @param superiorName "Nome Órgão Superior", e.g. {@code Ministério da Defesa}
 * @param organCode "Código Órgão"; for a per-state organ the base to which the UF's index is added
 * @param organName "Nome Órgão"; {@code {STATE}} stands for the state with its preposition
 * @param templates unit names: {@code {C}} is a municipality (one unit per municipality), {@code
 *     {UF}} the state code, {@code {IF}} and {@code {UNI}} the state's Instituto Federal and
 *     university acronyms; a template without {@code {C}} gives one unit per state
 * @param weight the family's share of contracts (relative)
 * @param valueLevel ln-value offset of the family's contracts (a legitimate organ price level)
 * @param ufs the states it has units in; empty for all 27
 * @param acronymUfs UF codes that mean something else under this organ (MS: Ministério da Saúde;
 *     ES, AP in Army names): units there are named after the capital, without the code
 * @param classifiedShare share of its contracts with a classified supplier ({@code -11})
 * @param buys what it buys
 */
record OrganFamily(
    String superiorCode,
    String superiorName,
    int organCode,
    String organName,
    List<String> templates,
    double weight,
    double valueLevel,
    Set<String> ufs,
    Set<String> acronymUfs,
    double classifiedShare,
    Buyer buys) {

  /** What a family mostly buys, which picks its objects. */
  enum Buyer {
    MILITARY,
    EDUCATION,
    HEALTH,
    OFFICE,
    INFRASTRUCTURE
  }

  OrganFamily {
    Objects.requireNonNull(superiorCode, "superiorCode");
    Objects.requireNonNull(superiorName, "superiorName");
    Objects.requireNonNull(organName, "organName");
    templates = List.copyOf(templates);
    if (templates.isEmpty()) {
      throw new IllegalArgumentException(organName + ": no unit name templates");
    }
    ufs = Set.copyOf(ufs);
    acronymUfs = Set.copyOf(acronymUfs);
    Objects.requireNonNull(buys, "buys");
  }

  /** True if the organ name changes with the state. */
  boolean perState() {
    return organName.contains("{STATE}");
  }
}
