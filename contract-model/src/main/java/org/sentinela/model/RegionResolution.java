package org.sentinela.model;

import java.util.Objects;

/**
 * Where a buyer is, and how we know: the UF ({@code "BR"} when national or unresolved), the IBGE
 * municipality code when known, the rule that decided it and a confidence in [0, 1].
 */
public record RegionResolution(
    String uf, String municipalityIbgeCode, String method, double confidence) {

  /** The UF code used for buyers with no known state. */
  public static final String NATIONAL = "BR";

  public RegionResolution {
    Objects.requireNonNull(uf, "uf");
    Objects.requireNonNull(method, "method");
    if (!uf.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("uf must be two capital letters, got '" + uf + "'");
    }
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
  }

  /** A buyer whose region could not be resolved: national, confidence 0. */
  public static RegionResolution unresolved() {
    return new RegionResolution(NATIONAL, null, "UNRESOLVED", 0.0);
  }

  /** The macro-region (N, NE, CO, SE, S) of the UF, or {@code "BR"}. */
  public String macroRegion() {
    return MacroRegion.of(uf);
  }
}
