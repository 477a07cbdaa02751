package org.sentinela.datagen;

import java.util.Objects;

/**
 * How one procurement modality appears in the Portal files and how its values are distributed.
 *
 * @param portalName the "Modalidade Compra" text, e.g. {@code "Pregão - Registro de Preço"}
 * @param tenderCode the "Código Modalidade Compra Licitação", empty when the Portal has none
 * @param share the modality's share of all contracts
 * @param zeroShare share of its contracts with value {@code 0,0000} (not informed)
 * @param lnValue the distribution of ln(value in R$) of its non-zero contracts
 * @param dispensa true for "Dispensa de Licitação", the modality the legal limits apply to
 * @param informed false for "Sem Informação", whose tender fields are empty
 * @param lnMad median absolute deviation of {@code lnValue}
 * @param levelScale how much of a unit's price level (and the December rise) applies: 1 for the
 *     wide modalities, less for narrow ones (Convite, Tomada de Preços), so that a level moves a
 *     segment by the same robust z everywhere
 */
public record ModalityProfile(
    String portalName,
    String tenderCode,
    double share,
    double zeroShare,
    QuantileCurve lnValue,
    boolean dispensa,
    boolean informed,
    double lnMad,
    double levelScale) {

  public ModalityProfile {
    Objects.requireNonNull(portalName, "portalName");
    Objects.requireNonNull(tenderCode, "tenderCode");
    Objects.requireNonNull(lnValue, "lnValue");
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException(portalName + ": share must be in (0, 1), got " + share);
    }
    if (!(lnMad > 0) || !(levelScale > 0 && levelScale <= 1)) {
      throw new IllegalArgumentException(
          portalName
              + ": lnMad must be > 0 and levelScale in (0, 1], got "
              + lnMad
              + ", "
              + levelScale);
    }
    if (!(zeroShare >= 0 && zeroShare < 1)) {
      throw new IllegalArgumentException(
          portalName + ": zeroShare must be in [0, 1), got " + zeroShare);
    }
  }
}
