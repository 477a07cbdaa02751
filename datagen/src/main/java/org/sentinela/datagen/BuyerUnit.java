package org.sentinela.datagen;

import java.util.Objects;

/**
 * A synthetic buyer unit ("Unidade Gestora").
 *
 * @param index position in the catalogue
 * @param code "Código UG", 6 digits
 * @param name "Nome UG", at most 44 characters, naming its state
 * @param uf the state its name resolves to
 * @param family its organs and buying habits
 * @param organCode "Código Órgão"
 * @param organName "Nome Órgão"
 * @param activity relative number of contracts (heavy-tailed across units)
 * @param valueLevel ln-value offset of its contracts (organ and regional price levels)
 * @param supplierVariety concentration of its Chinese-restaurant supplier draw
 */
public record BuyerUnit(
    int index,
    String code,
    String name,
    String uf,
    OrganFamily family,
    String organCode,
    String organName,
    double activity,
    double valueLevel,
    double supplierVariety) {

  public BuyerUnit {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uf, "uf");
    Objects.requireNonNull(family, "family");
    if (!code.matches("\\d{6}")) {
      throw new IllegalArgumentException("unit code must be 6 digits, got " + code);
    }
    if (name.length() > BuyerCatalogue.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("unit name too long: " + name);
    }
  }

  /** "Código Órgão Superior". */
  public String superiorCode() {
    return family.superiorCode();
  }

  /** "Nome Órgão Superior" (uncut). */
  public String superiorName() {
    return family.superiorName();
  }
}
