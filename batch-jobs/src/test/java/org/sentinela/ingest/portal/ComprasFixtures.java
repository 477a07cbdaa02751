package org.sentinela.ingest.portal;

import java.util.List;

/** Crafted Compras lines with a synthetic supplier, for tests that need a specific oddity. */
public final class ComprasFixtures {

  private ComprasFixtures() {}

  /** A well-formed line (24 quoted fields) varying only what tests vary. */
  public static String line(String contractNumber, String initial, String fin, String signed) {
    return String.join(
        ";",
        List.of(
            q(contractNumber),
            q("Objeto: AQUISIÇÃO DE MATERIAL"),
            q(""),
            q("Dispensa de Licitação"),
            q("Não se aplica"),
            q("26000"),
            q("Ministério da Educação"),
            q("26235"),
            q("Universidade Federal de Goiás"),
            q("153052"),
            q("UNIVERSIDADE FEDERAL DE GOIAS"),
            q(signed),
            q("10/02/2021"),
            q("01/02/2021"),
            q("01/02/2022"),
            q("11222333000181"),
            q("EMPRESA SINTETICA LTDA"),
            q(initial),
            q(fin),
            q("-3"),
            q(""),
            q(""),
            q(""),
            q("")));
  }

  private static String q(String value) {
    return "\"" + value + "\"";
  }
}
