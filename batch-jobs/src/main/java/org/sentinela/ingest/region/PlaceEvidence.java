package org.sentinela.ingest.region;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sentinela.ingest.region.PlaceNameMatcher.Place;
import org.sentinela.ingest.region.PlaceNameMatcher.PlaceMatch;

/**
 * Turns the state and municipality names found by {@link PlaceNameMatcher} into evidence, and picks
 * the municipality of a text once its UF is known.
 *
 * <p>A municipality name establishes a UF only when it stands where a place stands (after a
 * preposition, CAMPUS or a separator), is not a person's name ({@code "ALMIRANTE GRACA ARANHA"}),
 * is not a common word ({@link #WEAK_NAMES}: Saúde, Central, Campanha, Fronteira…) and is
 * unambiguous: one municipality, or one capital among namesakes, or a namesake listed in {@link
 * #DOMINANT_HOMONYMS}. Names shared by several UFs are otherwise only used to attach a municipality
 * code once another rule has found the UF.
 */
final class PlaceEvidence {

  /**
   * Municipality names that are also ordinary words, patrons' names, rivers or neighbourhoods (of
   * Rio, for the federal hospitals) in unit names. They never establish a UF on their own; they may
   * still give the municipality code when the UF is known and the name follows CAMPUS or EM ({@code
   * "INST.FED. ESPIRITO SANTO/CAMPUS MONTANHA"}).
   */
  static final Set<String> WEAK_NAMES =
      keys(
          """
          Saúde, Central, Campanha, Fronteira, Fronteiras, Brasileira, Porto, Cruz, Montanha,
          Lagoa, Mata, União, Americana, Reserva, Estação, Serra, Cachoeira, Conquista, Delta,
          Emas, Restinga, Flores, Ilha das Flores, Esperança, Progresso, Independência, Triunfo,
          Barra, Barro, Várzea, Planalto, Primavera, Paraíso, Palmeira, Corrente, Bonito, Aliança,
          Amparo, Socorro, Redenção, Alegre, Luz, Vera, Rosário, Rincão, Sertão, Franca, Itá,
          Graça, Glória, Conceição, Palmares,
          Mendes, Oliveira, Castro, Aguiar, Camargo, Braga, Barbosa, Cardoso, Machado, Wanderley,
          Figueira, Bandeira, Rui Barbosa, Oswaldo Cruz, Getúlio Vargas, Joaquim Nabuco,
          Benjamin Constant, Graça Aranha, Pedro II,
          Tietê, Juruá, Rio Negro, Mucuri, Jequitinhonha,
          Ipanema, Andaraí, Jardim, Campos Novos
          """);

  /**
   * Names shared by several UFs where one namesake is a large city that hosts federal units and the
   * others are small towns: Santa Maria (RS, not RN), Lagoa Santa (MG, not GO), Santo André (SP,
   * not PB), São Carlos (SP, not SC).
   */
  static final Map<String, String> DOMINANT_HOMONYMS =
      Map.of(
          key("Santa Maria"), "4316907",
          key("Lagoa Santa"), "3137601",
          key("Santo André"), "3547809",
          key("São Carlos"), "3548906");

  private final MunicipalityDirectory municipalities;

  PlaceEvidence(MunicipalityDirectory municipalities) {
    this.municipalities = municipalities;
    DOMINANT_HOMONYMS.values().forEach(municipalities::require);
  }

  /**
   * Evidence from the names found in one text.
   *
   * @param organUf the UF the organ name points to, or null; municipality names that do not exist
   *     in that UF are ignored, namesakes in it are preferred
   * @param otherUfs UFs that other rules found in the same text; a name shared by several UFs
   *     supports the one among them instead of contradicting it ({@code "DO PARANA/CAMPUS PALMAS"}
   *     is Palmas/PR, not the capital of TO)
   */
  List<Evidence> evidence(List<PlaceMatch> matches, String organUf, Set<String> otherUfs) {
    List<Evidence> found = new ArrayList<>();
    Set<String> supportedUfs = new HashSet<>(otherUfs);
    for (PlaceMatch match : matches) {
      Set<String> ufs = ufsOf(match.places());
      if (match.hasState() && ufs.size() == 1 && !match.cutOff()) {
        String uf = ufs.iterator().next();
        found.add(new Evidence(uf, null, Rules.STATE_NAME, Rules.STATE_NAME_CONFIDENCE));
        supportedUfs.add(uf);
      }
    }
    for (PlaceMatch match : matches) {
      if (match.hasState()) {
        continue;
      }
      if (!usableAsLocation(match) || isWeak(match)) {
        continue;
      }
      List<Municipality> towns = towns(match);
      if (organUf != null) {
        towns = inUf(towns, organUf);
      } else if (ufsOf(match.places()).size() > 1) {
        List<Municipality> supported =
            towns.stream().filter(m -> supportedUfs.contains(m.uf())).toList();
        towns = supported.isEmpty() ? towns : supported;
      }
      Evidence e = towns.isEmpty() ? null : fromTowns(towns);
      if (e != null) {
        found.add(e);
      }
    }
    return found;
  }

  private Evidence fromTowns(List<Municipality> towns) {
    if (towns.size() == 1) {
      Municipality m = towns.get(0);
      return m.capital()
          ? new Evidence(m.uf(), m, Rules.CAPITAL_CITY, Rules.CAPITAL_CITY_CONFIDENCE)
          : new Evidence(m.uf(), m, Rules.MUNICIPALITY, Rules.MUNICIPALITY_CONFIDENCE);
    }
    List<Municipality> capitals = towns.stream().filter(Municipality::capital).toList();
    if (capitals.size() == 1) {
      Municipality m = capitals.get(0);
      return new Evidence(m.uf(), m, Rules.CAPITAL_CITY, Rules.CAPITAL_CITY_CONFIDENCE);
    }
    Set<String> names = towns.stream().map(m -> key(m.name())).collect(Collectors.toSet());
    if (names.size() == 1 && DOMINANT_HOMONYMS.containsKey(names.iterator().next())) {
      Municipality m = municipalities.require(DOMINANT_HOMONYMS.get(names.iterator().next()));
      if (towns.contains(m)) {
        return new Evidence(
            m.uf(), m, Rules.MUNICIPALITY_DOMINANT, Rules.MUNICIPALITY_DOMINANT_CONFIDENCE);
      }
    }
    return null;
  }

  /**
   * The one municipality of {@code uf} the text names in a place position, or null if none or
   * several (a name after CAMPUS or EM beats the others).
   */
  Municipality municipalityIn(String uf, List<PlaceMatch> matches) {
    Set<Municipality> all = new LinkedHashSet<>();
    Set<Municipality> strong = new LinkedHashSet<>();
    for (PlaceMatch match : matches) {
      if (match.hasState() || !usableAsLocation(match)) {
        continue;
      }
      if (isWeak(match) && !match.inStrongContext()) {
        continue;
      }
      List<Municipality> inUf = inUf(towns(match), uf);
      if (inUf.size() == 1) {
        all.add(inUf.get(0));
        if (match.inStrongContext()) {
          strong.add(inUf.get(0));
        }
      }
    }
    if (strong.size() == 1) {
      return strong.iterator().next();
    }
    return all.size() == 1 ? all.iterator().next() : null;
  }

  private static boolean usableAsLocation(PlaceMatch match) {
    return match.inPlaceContext() && !match.personTitleBefore() && !match.cutOff();
  }

  private static boolean isWeak(PlaceMatch match) {
    return match.places().stream().anyMatch(p -> WEAK_NAMES.contains(key(p.municipality().name())));
  }

  private static List<Municipality> towns(PlaceMatch match) {
    return match.places().stream().map(Place::municipality).distinct().toList();
  }

  private static List<Municipality> inUf(List<Municipality> towns, String uf) {
    return towns.stream().filter(m -> m.uf().equals(uf)).toList();
  }

  private static Set<String> ufsOf(List<Place> places) {
    return places.stream().map(Place::uf).collect(Collectors.toSet());
  }

  private static String key(String name) {
    return String.join(" ", NormalizedText.contentWords(name));
  }

  /** Keys of a comma-separated list of names. */
  private static Set<String> keys(String names) {
    Set<String> keys = new LinkedHashSet<>();
    for (String name : names.split("[,\\n]")) {
      if (!name.isBlank()) {
        keys.add(key(name.strip()));
      }
    }
    return Set.copyOf(keys);
  }
}
