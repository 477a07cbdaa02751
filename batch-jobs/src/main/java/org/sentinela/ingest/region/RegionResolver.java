package org.sentinela.ingest.region;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sentinela.ingest.region.PlaceNameMatcher.PlaceMatch;
import org.sentinela.model.RegionResolution;

/**
 * Infers where a federal buyer is from its names, for sources with no UF column (the Portal da
 * Transparência "Compras" files): the buyer unit ("Nome UG"), its organ ("Nome Órgão") and the
 * superior organ ("Nome Órgão Superior").
 *
 * <p>The unit name is read first; the organ name only when the unit name says nothing usable, then
 * the superior organ (almost always a ministry, hence national). Within one name every rule below
 * contributes evidence; the most confident wins, unless another clue for a different UF is within
 * 0.04 of it, in which case the name is treated as silent. Being wrong is worse than saying {@code
 * "BR"}: a unit with no clear clue stays national.
 *
 * <table>
 *   <caption>Rules ({@link RegionResolution#method()}) and confidences</caption>
 *   <tr><th>method</th><th>confidence</th><th>example</th></tr>
 *   <tr><td>{@code UF_CODE}</td><td>0.95 (0.9 if the name may be cut)</td>
 *       <td>{@code "SUPERINTEND. REG. NO ESTADO DE RO-DNIT"}, {@code ".../BA"}, {@code "- PE"},
 *       {@code "SR(CE)"}, {@code "IPHAN-SP"}, {@code "SUPERINTENDENCIA ESTADUAL DO MS/MA"} (MS is
 *       the ministry: MA)</td></tr>
 *   <tr><td>{@code INSTITUTION}</td><td>0.9</td>
 *       <td>{@code "UTFPR - CAMPUS PONTA GROSSA"}, {@code "EBSERH HU-UFGD"}, {@code "HOSPITAL
 *       UNIVERSITARIO LAURO WANDERLEY"}</td></tr>
 *   <tr><td>{@code STATE_NAME}</td><td>0.85</td>
 *       <td>{@code "UNIVERSIDADE FEDERAL DE GOIAS"}, {@code "...GER.DE S.PAULO"}, {@code "DO
 *       PARA"} (PARA only after a preposition)</td></tr>
 *   <tr><td>{@code STATE_ADJECTIVE}</td><td>0.85</td>
 *       <td>{@code "INSTITUTO FEDERAL CATARINENSE"}, {@code "IF BAIANO"}</td></tr>
 *   <tr><td>{@code CAPITAL_CITY}</td><td>0.85</td>
 *       <td>{@code "HOSPITAL GERAL DE BELEM"} (the capital wins over its namesakes)</td></tr>
 *   <tr><td>{@code MUNICIPALITY}</td><td>0.8</td>
 *       <td>{@code "DELEG. DA CAPIT. DOS PORTOS EM ANGRA DOS REIS"}: a name found in one UF
 *       only</td></tr>
 *   <tr><td>{@code REGIONAL_HQ}</td><td>0.75</td>
 *       <td>{@code "COMANDO DO 8.DISTRITO NAVAL"}, {@code "COMANDO DA 4ª REGIAO MILITAR"}</td></tr>
 *   <tr><td>{@code MUNICIPALITY_DOMINANT}</td><td>0.7</td>
 *       <td>{@code "BASE AEREA DE SANTA MARIA"}: RS, not the small namesake in RN</td></tr>
 *   <tr><td>{@code UF_CODE_MULTI}</td><td>0.6</td>
 *       <td>{@code "DISTRITO SANIT.ESP.INDIGENA - MG/ES"}: first of two served UFs</td></tr>
 *   <tr><td>{@code ORGAN_*}</td><td>× 0.9</td>
 *       <td>a rule above applied to the organ name ({@code "ORGAN_STATE_NAME"})</td></tr>
 *   <tr><td>{@code SUPERIOR_*}</td><td>× 0.8</td>
 *       <td>a rule above applied to the superior organ name</td></tr>
 *   <tr><td>{@code UNRESOLVED}</td><td>0.0</td><td>national, {@code "BR"}</td></tr>
 * </table>
 *
 * <p>The municipality (IBGE code) is filled when the unit name names exactly one municipality of
 * the chosen UF in a place position ({@code "IFSP - CAMPUS REGISTRO"}), when the winning rule
 * implies one (a capital, a headquarters, a single-site institution), and always for the Distrito
 * Federal (Brasília). A name shared by several UFs gives no municipality unless the UF is known
 * from elsewhere (another clue in the same name, or the organ name: {@code "CAMPUS BOM JESUS"} of
 * the Instituto Federal Catarinense is Bom Jesus/SC). Municipality names that are also common
 * words, patrons or rivers (Saúde, Campanha, Graça Aranha, Juruá…) never decide a UF. Organ-level
 * evidence gives the UF only.
 *
 * <p>Text is compared without accents, in upper case, with punctuation reduced to separators; pass
 * the fields untrimmed, because a name of 45 characters may have been cut by the Portal and its
 * last word is then not trusted.
 *
 * <p>Thread-safe; build one with {@link #fromBundledIbgeTable()} (about 100 ms) and share it. The
 * organ and superior organ names, shared by many units, are read once per pair (up to {@value
 * #CACHED_ORGANS} pairs). A new name triple then costs about 6 µs of CPU, warm (the benchmark's
 * 60,000 generated units; the 2,018 buyers of the real Portal files of 2021-2022 and their 2,179
 * unit and organ names read alone, measured on a loaded 2-core machine; 21 and 15 µs before the
 * organ cache and the pattern pre-checks), so results are also kept by name triple for every caller
 * of the same resolver (the files of one ingest share their buyers), up to {@value #CACHED_BUYERS}
 * triples; beyond that, new triples are resolved every time.
 */
public final class RegionResolver {

  /** Name triples whose resolution is kept; about 25 MB of heap when full. */
  static final int CACHED_BUYERS = 65_536;

  /** Organ name pairs whose reading is kept; the Portal has a few hundred organs. */
  static final int CACHED_ORGANS = 4_096;

  private final MunicipalityDirectory municipalities;
  private final PlaceNameMatcher placeNames;
  private final PlaceEvidence placeEvidence;
  private final InstitutionTable institutions;
  private final RegionalHeadquarters headquarters;
  private final Map<BuyerNames, RegionResolution> resolved = new ConcurrentHashMap<>();
  private final Map<OrganKey, OrganReading> organReadings = new ConcurrentHashMap<>();

  private RegionResolver(MunicipalityDirectory municipalities) {
    this.municipalities = municipalities;
    this.placeNames = new PlaceNameMatcher(municipalities);
    this.placeEvidence = new PlaceEvidence(municipalities);
    this.institutions = new InstitutionTable(municipalities);
    this.headquarters = new RegionalHeadquarters(municipalities);
  }

  /**
   * Builds a resolver from the IBGE municipality table bundled with this package.
   *
   * @return a resolver to share between threads
   */
  public static RegionResolver fromBundledIbgeTable() {
    return new RegionResolver(MunicipalityDirectory.load());
  }

  /**
   * Resolves a buyer's UF and municipality from its names. Any argument may be null or blank.
   *
   * @param unitName the buyer unit ("Nome UG"), the best evidence
   * @param organName the organ ("Nome Órgão"), used when the unit name is silent
   * @param superiorOrganName the superior organ ("Nome Órgão Superior"), the last resort
   * @return the resolution, or {@link RegionResolution#unresolved()} (national, "BR")
   */
  public RegionResolution resolve(String unitName, String organName, String superiorOrganName) {
    BuyerNames names = new BuyerNames(unitName, organName, superiorOrganName);
    RegionResolution known = resolved.get(names);
    if (known != null) {
      return known;
    }
    RegionResolution resolution = infer(unitName, organName, superiorOrganName);
    if (resolved.size() < CACHED_BUYERS) {
      resolved.putIfAbsent(names, resolution);
    }
    return resolution;
  }

  /** The key of a resolution: the three names exactly as given. */
  private record BuyerNames(String unitName, String organName, String superiorOrganName) {}

  private RegionResolution infer(String unitName, String organName, String superiorOrganName) {
    NormalizedText unit = NormalizedText.of(unitName);
    OrganReading organs = organReading(organName, superiorOrganName, namesStateOfficeOfMs(unit));
    Evidence organEvidence = organs.organ();
    String hint =
        organEvidence != null && organEvidence.confidence() >= Rules.MUNICIPALITY_CONFIDENCE
            ? organEvidence.uf()
            : null;

    TextReading unitReading = read(unit, hint, organs.ministryAcronyms());
    if (unitReading.decision() != null) {
      return toResolution(unitReading.decision(), unitReading.matches(), true);
    }
    if (organEvidence != null) {
      Evidence e = organEvidence.withMethodPrefix(Rules.ORGAN_PREFIX, Rules.ORGAN_FACTOR);
      return toResolution(e, unitReading.matches(), false);
    }
    Evidence superiorEvidence = organs.superior();
    if (superiorEvidence != null) {
      Evidence e = superiorEvidence.withMethodPrefix(Rules.SUPERIOR_PREFIX, Rules.SUPERIOR_FACTOR);
      return toResolution(e, unitReading.matches(), false);
    }
    return RegionResolution.unresolved();
  }

  /**
   * The key of an organ reading: the organ and superior organ names exactly as given, and whether
   * the unit name reads "ESTADUAL DO MS" (the only thing a unit changes in how its organs are
   * read).
   */
  private record OrganKey(String organName, String superiorOrganName, boolean stateOfficeOfMs) {}

  /**
   * What the organ names say, the same for every unit under them.
   *
   * @param ministryAcronyms UF codes that mean something else under these organs
   * @param organ the evidence chosen from the organ name, or null
   * @param superior the evidence chosen from the superior organ name, or null
   */
  private record OrganReading(Set<String> ministryAcronyms, Evidence organ, Evidence superior) {}

  private OrganReading organReading(
      String organName, String superiorOrganName, boolean stateOfficeOfMs) {
    OrganKey key = new OrganKey(organName, superiorOrganName, stateOfficeOfMs);
    OrganReading known = organReadings.get(key);
    if (known != null) {
      return known;
    }
    NormalizedText organ = NormalizedText.of(organName);
    NormalizedText superior = NormalizedText.of(superiorOrganName);
    Set<String> acronyms = ministryAcronyms(stateOfficeOfMs, organ, superior);
    OrganReading reading =
        new OrganReading(
            acronyms,
            read(organ, null, acronyms).decision(),
            read(superior, null, acronyms).decision());
    if (organReadings.size() < CACHED_ORGANS) {
      organReadings.putIfAbsent(key, reading);
    }
    return reading;
  }

  /**
   * Resolves a buyer from its unit name alone, for sources that have nothing else.
   *
   * @param unitName the buyer unit's name; may be null or blank
   * @return the resolution, or {@link RegionResolution#unresolved()}
   */
  public RegionResolution resolve(String unitName) {
    return resolve(unitName, null, null);
  }

  /** What one name says: the place names in it, all evidence, the evidence chosen (or null). */
  private record TextReading(
      List<PlaceMatch> matches, List<Evidence> evidence, Evidence decision) {}

  private TextReading read(NormalizedText text, String hintUf, Set<String> ministryAcronyms) {
    if (text.isEmpty()) {
      return new TextReading(List.of(), List.of(), null);
    }
    List<PlaceMatch> matches = placeNames.find(text);
    List<Evidence> evidence = new ArrayList<>();
    evidence.addAll(UfCodeRules.find(text, ministryAcronyms));
    evidence.addAll(institutions.find(text));
    evidence.addAll(headquarters.find(text));
    Set<String> otherUfs = new HashSet<>();
    evidence.forEach(e -> otherUfs.add(e.uf()));
    evidence.addAll(placeEvidence.evidence(matches, hintUf, otherUfs));
    return new TextReading(matches, evidence, decide(evidence));
  }

  /** For debugging rules: every clue found in one name, read with no organ context. */
  List<String> explain(String name) {
    NormalizedText text = NormalizedText.of(name);
    NormalizedText none = NormalizedText.of(null);
    TextReading reading =
        read(text, null, ministryAcronyms(namesStateOfficeOfMs(text), none, none));
    List<String> lines = new ArrayList<>();
    reading.matches().forEach(m -> lines.add("match " + m));
    reading.evidence().forEach(e -> lines.add("evidence " + e));
    lines.add("decision " + reading.decision());
    return lines;
  }

  /** The most confident evidence, or null if none or if a rival UF is nearly as confident. */
  private static Evidence decide(List<Evidence> evidence) {
    Evidence best = null;
    for (Evidence e : evidence) {
      if (best == null || e.confidence() > best.confidence()) {
        best = e;
      }
    }
    if (best == null) {
      return null;
    }
    for (Evidence e : evidence) {
      if (!e.uf().equals(best.uf())
          && e.confidence() >= best.confidence() - Rules.CONFLICT_MARGIN) {
        return null;
      }
    }
    return best;
  }

  private RegionResolution toResolution(
      Evidence decision, List<PlaceMatch> unitMatches, boolean decisionFromUnit) {
    Municipality town = placeEvidence.municipalityIn(decision.uf(), unitMatches);
    if (town == null && decisionFromUnit) {
      town = decision.municipality();
    }
    if (town == null && "DF".equals(decision.uf())) {
      town = municipalities.require(MunicipalityDirectory.BRASILIA_CODE);
    }
    return new RegionResolution(
        decision.uf(),
        town == null ? null : town.ibgeCode(),
        decision.method(),
        decision.confidence());
  }

  /**
   * UF codes that, under this organ, are acronyms of something else: MS (Ministério da Saúde), PR
   * (Presidência da República), AP and ES in Army unit names (autopropulsado, escola).
   */
  private static Set<String> ministryAcronyms(
      boolean stateOfficeOfMs, NormalizedText organ, NormalizedText superior) {
    Set<String> acronyms = new HashSet<>();
    if (stateOfficeOfMs) {
      acronyms.add("MS");
    }
    for (NormalizedText text : List.of(organ, superior)) {
      String s = text.punctuated();
      if (s.contains("SAUDE")) {
        acronyms.add("MS");
      }
      if (s.contains("PRESIDENCIA")) {
        acronyms.add("PR");
      }
      if (s.contains("EXERCITO")) {
        acronyms.add("AP");
        acronyms.add("ES");
      }
    }
    return Set.copyOf(acronyms);
  }

  /** "SUPERINTENDENCIA ESTADUAL DO MS/MA": the unit is the ministry's office in MA. */
  private static boolean namesStateOfficeOfMs(NormalizedText unit) {
    return unit.punctuated().contains("ESTADUAL DO MS");
  }
}
