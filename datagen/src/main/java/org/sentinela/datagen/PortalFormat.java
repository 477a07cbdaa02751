package org.sentinela.datagen;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/**
 * The Portal da Transparência {@code AAAAMM_Compras.csv} format as the real files have it: 24
 * columns, {@code ;}-separated, every field double-quoted, ISO-8859-1, LF line ends, dates {@code
 * DD/MM/YYYY}, money with a decimal comma and 4 decimals ({@code 153170,0400}).
 */
public final class PortalFormat {

  public static final Charset CHARSET = StandardCharsets.ISO_8859_1;

  /** The 24 columns in file order, as the real header names them. */
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

  /** The Portal cuts organ and unit names at this many characters. */
  public static final int NAME_WIDTH = 45;

  private PortalFormat() {}

  /** The header line (without its line end). */
  public static String headerLine() {
    return "\"" + String.join("\";\"", COLUMNS) + "\"";
  }

  /** The file name of a month, e.g. {@code 202101_Compras.csv}. */
  public static String fileName(YearMonth month) {
    return String.format("%04d%02d_Compras.csv", month.getYear(), month.getMonthValue());
  }

  /** A name as the Portal prints it: cut at {@link #NAME_WIDTH} characters. */
  static String cut(String name) {
    return name.length() <= NAME_WIDTH ? name : name.substring(0, NAME_WIDTH);
  }
}
