package org.sentinela.ingest.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered federal regions whose command sits in a fixed city: the Army's Regiões Militares ({@code
 * "COMANDO DA 4ª REGIAO MILITAR"}, {@code "...DA 5ª RM"}) and Comandos Militares de Área, the
 * Navy's Distritos Navais ({@code "COMANDO DO 8.DISTRITO NAVAL"}, {@code "COMANDO DO 7.DN"}) and
 * the Receita Federal's Regiões Fiscais ({@code "SUPERINTENDENCIA REGIONAL DA RFB NA 4A RF"}).
 *
 * <p>A region covers several states, but the unit named after it is its headquarters, so the buyer
 * is in the headquarters' city. Confidence is {@link Rules#REGIONAL_HQ_CONFIDENCE}, below the text
 * rules, because it relies on this table rather than on the name itself. Numbered battalions,
 * brigades and depots are left national: their names say nothing about where they are.
 */
final class RegionalHeadquarters {

  private static final Pattern MILITARY_REGION =
      Pattern.compile("\\b(\\d{1,2}) ?[AO]? ?(?:REGIAO MILITAR|RM)\\b");
  private static final Pattern ARMY_DIVISION =
      Pattern.compile("\\b(\\d) ?[AO]? ?(?:DIVISAO|DIV) DE EXERCITO\\b");
  private static final Pattern NAVAL_DISTRICT =
      Pattern.compile("\\b(\\d) ?O? ?(?:DISTRITO NAVAL|DN)\\b");
  private static final Pattern FISCAL_REGION = Pattern.compile("\\bRFB .*\\b(\\d{1,2}) ?A? RF\\b");
  private static final Pattern AREA_COMMAND =
      Pattern.compile(
          "\\b(?:COMANDO|CMDO) MILITAR D[OA] (AMAZONIA|LESTE|NORDESTE|OESTE|PLANALTO|SUDESTE|SUL"
              + "|NORTE)\\b");

  /** IBGE codes of the seats. */
  private static final String RIO = "3304557";

  private static final String SAO_PAULO = "3550308";
  private static final String PORTO_ALEGRE = "4314902";
  private static final String BELO_HORIZONTE = "3106200";
  private static final String CURITIBA = "4106902";
  private static final String SALVADOR = "2927408";
  private static final String RECIFE = "2611606";
  private static final String BELEM = "1501402";
  private static final String CAMPO_GRANDE = "5002704";
  private static final String FORTALEZA = "2304400";
  private static final String BRASILIA = "5300108";
  private static final String MANAUS = "1302603";
  private static final String NATAL = "2408102";
  private static final String RIO_GRANDE = "4315602";
  private static final String LADARIO = "5005202";

  private static final Map<String, String> MILITARY_REGION_SEATS =
      Map.ofEntries(
          Map.entry("1", RIO),
          Map.entry("2", SAO_PAULO),
          Map.entry("3", PORTO_ALEGRE),
          Map.entry("4", BELO_HORIZONTE),
          Map.entry("5", CURITIBA),
          Map.entry("6", SALVADOR),
          Map.entry("7", RECIFE),
          Map.entry("8", BELEM),
          Map.entry("9", CAMPO_GRANDE),
          Map.entry("10", FORTALEZA),
          Map.entry("11", BRASILIA),
          Map.entry("12", MANAUS));

  private static final Map<String, String> ARMY_DIVISION_SEATS =
      Map.of("1", RIO, "2", SAO_PAULO, "7", RECIFE, "8", BELEM);

  private static final Map<String, String> NAVAL_DISTRICT_SEATS =
      Map.of(
          "1", RIO,
          "2", SALVADOR,
          "3", NATAL,
          "4", BELEM,
          "5", RIO_GRANDE,
          "6", LADARIO,
          "7", BRASILIA,
          "8", SAO_PAULO,
          "9", MANAUS);

  private static final Map<String, String> FISCAL_REGION_SEATS =
      Map.of(
          "1", BRASILIA,
          "2", BELEM,
          "3", FORTALEZA,
          "4", RECIFE,
          "5", SALVADOR,
          "6", BELO_HORIZONTE,
          "7", RIO,
          "8", SAO_PAULO,
          "9", CURITIBA,
          "10", PORTO_ALEGRE);

  private static final Map<String, String> AREA_COMMAND_SEATS =
      Map.of(
          "AMAZONIA", MANAUS,
          "LESTE", RIO,
          "NORDESTE", RECIFE,
          "OESTE", CAMPO_GRANDE,
          "PLANALTO", BRASILIA,
          "SUDESTE", SAO_PAULO,
          "SUL", PORTO_ALEGRE,
          "NORTE", BELEM);

  private final MunicipalityDirectory municipalities;

  RegionalHeadquarters(MunicipalityDirectory municipalities) {
    this.municipalities = municipalities;
    for (Map<String, String> seats :
        List.of(
            MILITARY_REGION_SEATS,
            ARMY_DIVISION_SEATS,
            NAVAL_DISTRICT_SEATS,
            FISCAL_REGION_SEATS,
            AREA_COMMAND_SEATS)) {
      seats.values().forEach(municipalities::require);
    }
  }

  /** The headquarters named in the text, if any. */
  List<Evidence> find(NormalizedText text) {
    String s = text.punctuated();
    List<Evidence> found = new ArrayList<>();
    if (s.contains("RM") || s.contains("REGIAO")) {
      addSeat(found, MILITARY_REGION.matcher(s), MILITARY_REGION_SEATS);
    }
    if (s.contains("EXERCITO")) {
      addSeat(found, ARMY_DIVISION.matcher(s), ARMY_DIVISION_SEATS);
    }
    if (s.contains("DN") || s.contains("NAVAL")) {
      addSeat(found, NAVAL_DISTRICT.matcher(s), NAVAL_DISTRICT_SEATS);
    }
    if (s.contains("RFB")) {
      addSeat(found, FISCAL_REGION.matcher(s), FISCAL_REGION_SEATS);
    }
    if (s.contains("MILITAR")) {
      addSeat(found, AREA_COMMAND.matcher(s), AREA_COMMAND_SEATS);
    }
    return found;
  }

  private void addSeat(List<Evidence> found, Matcher m, Map<String, String> seats) {
    while (m.find()) {
      String seat = seats.get(m.group(1));
      if (seat != null) {
        Municipality city = municipalities.require(seat);
        found.add(new Evidence(city.uf(), city, Rules.REGIONAL_HQ, Rules.REGIONAL_HQ_CONFIDENCE));
      }
    }
  }
}
