package org.sentinela.ingest.portal;

import java.util.List;

/**
 * Facts of the Portal da Transparência {@code AAAAMM_TermoAditivo.csv} format (contract
 * amendments): the same encoding, separator and quoting as {@link PortalComprasFormat}, ten
 * columns, no value.
 */
public final class PortalAmendmentFormat {

  /** The 10 columns, in file order, as the header names them. */
  public static final List<String> COLUMNS =
      List.of(
          "Número Contrato",
          "Código Órgão Superior",
          "Nome Órgão Superior",
          "Código Órgão",
          "Nome Órgão",
          "Código UG",
          "Nome UG",
          "Número Termo Aditivo",
          "Data Publicação",
          "Objeto");

  /** File names the Portal gives its monthly amendment files. */
  public static final String FILE_NAME_PATTERN = "\\d{6}_TermoAditivo\\.csv";

  private PortalAmendmentFormat() {}

  /** The header line exactly as the Portal writes it (every name double-quoted). */
  public static String headerLine() {
    return "\"" + String.join("\";\"", COLUMNS) + "\"";
  }
}
