package org.sentinela.ingest.portal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Facts of the Portal da Transparência {@code AAAAMM_Compras.csv} format. */
public final class PortalComprasFormat {

  /** The Portal publishes these files in ISO-8859-1 (Latin-1), without a BOM. */
  public static final Charset CHARSET = StandardCharsets.ISO_8859_1;

  public static final char SEPARATOR = ';';
  public static final char QUOTE = '"';

  /** The 24 columns, in file order, as the header names them. */
  public static final List<String> COLUMNS =
      List.of(
          "Número do Contrato",
          "Objeto",
          "Fundamento Legal",
          "Modalidade Compra",
          "Situação Contrato",
          "Código Órgão Superior",
          "Nome Órgão Superior",
          "Código Órgão",
          "Nome Órgão",
          "Código UG",
          "Nome UG",
          "Data Assinatura Contrato",
          "Data Publicação DOU",
          "Data Início Vigência",
          "Data Fim Vigência",
          "Código Contratado",
          "Nome Contratado",
          "Valor Inicial Compra",
          "Valor Final Compra",
          "Número Licitação",
          "Código UG Licitação",
          "Nome UG Licitação",
          "Código Modalidade Compra Licitação",
          "Modalidade Compra Licitação");

  /** File names the Portal gives its monthly contract files. */
  public static final String FILE_NAME_PATTERN = "\\d{6}_Compras\\.csv";

  /** Names of the Portal's monthly download, a zip holding the month's CSV files. */
  public static final String ZIP_NAME_PATTERN = "\\d{6}(_Compras)?\\.zip";

  private PortalComprasFormat() {}

  /** The header line exactly as the Portal writes it (every name double-quoted). */
  public static String headerLine() {
    return "\"" + String.join("\";\"", COLUMNS) + "\"";
  }
}
