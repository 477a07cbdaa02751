package org.sentinela.datagen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The 27 UFs with their names and the IBGE municipalities of each (bundled {@code municipios.csv},
 * derived from batch-jobs' IBGE table; see the module README for its source and licence).
 */
final class Places {

  /** The UF codes, in a fixed order the generator indexes by. */
  static final List<String> UFS =
      List.of(
          "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB",
          "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO");

  /** State names with their preposition, as organ names write them ("do Ceará"). */
  private static final Map<String, String> STATE_WITH_PREPOSITION =
      Map.ofEntries(
          Map.entry("AC", "do Acre"),
          Map.entry("AL", "de Alagoas"),
          Map.entry("AP", "do Amapá"),
          Map.entry("AM", "do Amazonas"),
          Map.entry("BA", "da Bahia"),
          Map.entry("CE", "do Ceará"),
          Map.entry("DF", "do Distrito Federal"),
          Map.entry("ES", "do Espírito Santo"),
          Map.entry("GO", "de Goiás"),
          Map.entry("MA", "do Maranhão"),
          Map.entry("MT", "de Mato Grosso"),
          Map.entry("MS", "de Mato Grosso do Sul"),
          Map.entry("MG", "de Minas Gerais"),
          Map.entry("PA", "do Pará"),
          Map.entry("PB", "da Paraíba"),
          Map.entry("PR", "do Paraná"),
          Map.entry("PE", "de Pernambuco"),
          Map.entry("PI", "do Piauí"),
          Map.entry("RJ", "do Rio de Janeiro"),
          Map.entry("RN", "do Rio Grande do Norte"),
          Map.entry("RS", "do Rio Grande do Sul"),
          Map.entry("RO", "de Rondônia"),
          Map.entry("RR", "de Roraima"),
          Map.entry("SC", "de Santa Catarina"),
          Map.entry("SP", "de São Paulo"),
          Map.entry("SE", "de Sergipe"),
          Map.entry("TO", "do Tocantins"));

  private final Map<String, List<String>> citiesByUf = new HashMap<>();
  private final Map<String, String> capitalByUf = new HashMap<>();

  private Places() {}

  /** Loads the bundled municipality list. */
  static Places load() {
    Places places = new Places();
    try (InputStream in = Places.class.getResourceAsStream("municipios.csv")) {
      if (in == null) {
        throw new IllegalStateException("municipios.csv is missing from the datagen jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] parts = line.split(",", 3);
        String name = upperWithoutAccents(parts[2]);
        if (parts[1].equals("1")) {
          places.capitalByUf.put(parts[0], name);
        }
        if (!endsWithUfCode(name)) {
          places.citiesByUf.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read municipios.csv", e);
    }
    return places;
  }

  /** "SENTO SE" would read as the state SE before "/BA": such towns are left out. */
  private static boolean endsWithUfCode(String name) {
    int space = name.lastIndexOf(' ');
    return space >= 0 && UFS.contains(name.substring(space + 1));
  }

  /** Municipality names of a UF, upper case without accents, as unit names write them. */
  List<String> cities(String uf) {
    return citiesByUf.get(uf);
  }

  /** The capital of a UF (Brasília for DF), upper case without accents. */
  String capital(String uf) {
    return capitalByUf.get(uf);
  }

  /** E.g. {@code "do Ceará"}. */
  static String stateWithPreposition(String uf) {
    return STATE_WITH_PREPOSITION.get(uf);
  }

  /**
   * Upper case, accents removed, apostrophes kept: {@code "São João d'Aliança"} → {@code "SAO JOAO
   * D'ALIANCA"}.
   */
  static String upperWithoutAccents(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toUpperCase(Locale.ROOT);
  }
}
