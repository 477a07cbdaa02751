package org.sentinela.ingest.portal;

import java.util.List;

/** Crafted TermoAditivo lines, for tests that need a specific oddity. */
public final class AmendmentFixtures {

  private AmendmentFixtures() {}

  /** A well-formed line (10 quoted fields) varying only what tests vary. */
  public static String line(
      String contractNumber, String unitCode, String amendmentNumber, String published) {
    return line(contractNumber, unitCode, amendmentNumber, published, "Objetivo: PRORROGAÇÃO");
  }

  /** A well-formed line with its object text too. */
  public static String line(
      String contractNumber,
      String unitCode,
      String amendmentNumber,
      String published,
      String object) {
    return String.join(
        ";",
        List.of(
            q(contractNumber),
            q("26000"),
            q("Ministério da Educação"),
            q("26235"),
            q("Universidade Federal de Goiás"),
            q(unitCode),
            q("UNIVERSIDADE FEDERAL DE GOIAS"),
            q(amendmentNumber),
            q(published),
            q(object)));
  }

  private static String q(String value) {
    return "\"" + value + "\"";
  }
}
