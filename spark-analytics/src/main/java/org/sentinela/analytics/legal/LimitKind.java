package org.sentinela.analytics.legal;

/**
 * The kinds of {@code legal_limits} rows the detectors use, with the law and article each cites.
 */
public enum LimitKind {
  ART24_I(Law.LEI_8666, true, "art. 24 I"),
  ART24_II(Law.LEI_8666, true, "art. 24 II"),
  ART75_I(Law.LEI_14133, true, "art. 75 I"),
  ART75_II(Law.LEI_14133, true, "art. 75 II"),
  ART65_AMENDMENT(Law.LEI_8666, false, "art. 65 §1º"),
  ART65_RENOVATION(Law.LEI_8666, false, "art. 65 §1º"),
  ART125_AMENDMENT(Law.LEI_14133, false, "art. 125"),
  ART125_RENOVATION(Law.LEI_14133, false, "art. 125");

  private final Law law;
  private final boolean inReais;
  private final String article;

  LimitKind(Law law, boolean inReais, String article) {
    this.law = law;
    this.inReais = inReais;
    this.article = article;
  }

  public Law law() {
    return law;
  }

  /** True for amounts in reais (unit {@code BRL}), false for fractions (unit {@code RATIO}). */
  public boolean inReais() {
    return inReais;
  }

  /** The provision, e.g. {@code Lei 14.133/2021 art. 75 II}. */
  public String provision() {
    return law.citation() + " " + article;
  }

  /** The dispensa-by-value limit of {@code law} for {@code nature}. */
  public static LimitKind dispensa(Law law, ObjectNature nature) {
    return switch (law) {
      case LEI_14133 -> nature == ObjectNature.PURCHASES_AND_SERVICES ? ART75_II : ART75_I;
      case LEI_8666 -> nature == ObjectNature.WORKS_OR_ENGINEERING ? ART24_I : ART24_II;
    };
  }

  /** The amendment ceiling of {@code law}, for renovations or not. */
  public static LimitKind amendment(Law law, boolean renovation) {
    return switch (law) {
      case LEI_14133 -> renovation ? ART125_RENOVATION : ART125_AMENDMENT;
      case LEI_8666 -> renovation ? ART65_RENOVATION : ART65_AMENDMENT;
    };
  }
}
