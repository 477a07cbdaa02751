package org.sentinela.analytics.baseline;

import java.util.Objects;
import org.sentinela.model.MacroRegion;

/**
 * The levels a contract's value is compared at, finest first. A contract is scored against the
 * finest level whose segment holds enough contracts; {@link #NATIONAL} always qualifies.
 */
public enum SegmentLevel {
  /** Buyer UF × modality × superior organ ("Órgão Superior"). */
  UF_MODALITY_ORGAN,
  /** Buyer UF × modality. */
  UF_MODALITY,
  /** IBGE macro-region of the buyer UF × modality. */
  MACRO_MODALITY,
  /** Modality, all of Brazil. */
  MODALITY,
  /** Every contract. */
  NATIONAL;

  /** Segment-key text for a missing superior organ code. */
  public static final String NO_ORGAN = "(none)";

  /** The next coarser level, whose segment holds this one's; null for {@link #NATIONAL}. */
  public SegmentLevel parent() {
    return this == NATIONAL ? null : values()[ordinal() + 1];
  }

  /**
   * The segment key of a contract at this level, e.g. {@code uf=RJ|modality=PREGAO|organ=26000}.
   * Spark builds the same text in {@link SegmentColumns#segmentKey(SegmentLevel)}. The levels that
   * do not use the UF (modality, national) or the modality (national) accept null for it.
   */
  public String segmentKey(String uf, String modality, String superiorOrganCode) {
    if (this != NATIONAL) {
      Objects.requireNonNull(modality, "modality");
    }
    if (this != MODALITY && this != NATIONAL) {
      Objects.requireNonNull(uf, "uf");
    }
    String organ = superiorOrganCode == null ? NO_ORGAN : superiorOrganCode;
    return switch (this) {
      case UF_MODALITY_ORGAN -> "uf=" + uf + "|modality=" + modality + "|organ=" + organ;
      case UF_MODALITY -> "uf=" + uf + "|modality=" + modality;
      case MACRO_MODALITY -> "macro=" + MacroRegion.of(uf) + "|modality=" + modality;
      case MODALITY -> "modality=" + modality;
      case NATIONAL -> "national";
    };
  }

  /** A short readable name of a contract's segment, e.g. {@code UF=RJ × PREGAO × organ 26000}. */
  public String describe(String uf, String modality, String superiorOrganCode) {
    String organ = superiorOrganCode == null ? "unknown" : superiorOrganCode;
    return switch (this) {
      case UF_MODALITY_ORGAN -> "UF=" + uf + " × " + modality + " × organ " + organ;
      case UF_MODALITY -> "UF=" + uf + " × " + modality;
      case MACRO_MODALITY -> "region " + MacroRegion.of(uf) + " × " + modality;
      case MODALITY -> modality + " nationwide";
      case NATIONAL -> "all contracts nationwide";
    };
  }
}
