package org.sentinela.analytics.detect;

import org.sentinela.model.MacroRegion;

/**
 * The levels the seasonal factors of buyer units' month counts are estimated at, finest first: the
 * unit's UF, its macro-region, the nation.
 */
public enum UnitMonthLevel {
  /** The buyer unit's UF ({@code BR} when unresolved). */
  UNIT_MONTH_UF,
  /** The IBGE macro-region of that UF. */
  UNIT_MONTH_MACRO,
  /** Every unit. */
  UNIT_MONTH_NATIONAL;

  /**
   * The segment key of a unit in {@code uf} at this level, e.g. {@code uf=RJ}, {@code macro=SE}.
   */
  public String key(String uf) {
    return switch (this) {
      case UNIT_MONTH_UF -> "uf=" + uf;
      case UNIT_MONTH_MACRO -> "macro=" + MacroRegion.of(uf);
      case UNIT_MONTH_NATIONAL -> "national";
    };
  }

  /** The next coarser level; null for {@link #UNIT_MONTH_NATIONAL}. */
  public UnitMonthLevel parent() {
    return this == UNIT_MONTH_NATIONAL ? null : values()[ordinal() + 1];
  }

  /** A readable name of a unit's segment, e.g. {@code RJ}, {@code region SE}, {@code Brazil}. */
  public String describe(String uf) {
    return switch (this) {
      case UNIT_MONTH_UF -> uf;
      case UNIT_MONTH_MACRO -> "region " + MacroRegion.of(uf);
      case UNIT_MONTH_NATIONAL -> "Brazil";
    };
  }
}
