package org.sentinela.model;

import java.util.Map;

/** The five IBGE macro-regions, for baselines that fall back from UF to a wider area. */
public final class MacroRegion {

  private static final Map<String, String> BY_UF =
      Map.ofEntries(
          Map.entry("AC", "N"),
          Map.entry("AP", "N"),
          Map.entry("AM", "N"),
          Map.entry("PA", "N"),
          Map.entry("RO", "N"),
          Map.entry("RR", "N"),
          Map.entry("TO", "N"),
          Map.entry("AL", "NE"),
          Map.entry("BA", "NE"),
          Map.entry("CE", "NE"),
          Map.entry("MA", "NE"),
          Map.entry("PB", "NE"),
          Map.entry("PE", "NE"),
          Map.entry("PI", "NE"),
          Map.entry("RN", "NE"),
          Map.entry("SE", "NE"),
          Map.entry("DF", "CO"),
          Map.entry("GO", "CO"),
          Map.entry("MT", "CO"),
          Map.entry("MS", "CO"),
          Map.entry("ES", "SE"),
          Map.entry("MG", "SE"),
          Map.entry("RJ", "SE"),
          Map.entry("SP", "SE"),
          Map.entry("PR", "S"),
          Map.entry("RS", "S"),
          Map.entry("SC", "S"));

  private MacroRegion() {}

  /** The macro-region of a UF code; {@code "BR"} for anything that is not one of the 27. */
  public static String of(String uf) {
    return BY_UF.getOrDefault(uf, RegionResolution.NATIONAL);
  }

  /** True if the code is one of the 27 UFs (26 states and the Distrito Federal). */
  public static boolean isUf(String code) {
    return BY_UF.containsKey(code);
  }
}
