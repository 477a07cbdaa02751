package org.sentinela.ingest.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sentinela.ingest.region.NormalizedText.Token;
import org.sentinela.model.MacroRegion;

/**
 * Federal institutions whose name or acronym gives their state: universities and institutos
 * federais ({@code UFPB}, {@code IFCE}, {@code UTFPR}, {@code EBSERH HU-UFGD}…), single-site
 * hospitals and research institutes seen in the Compras data, and state adjectives ({@code
 * FLUMINENSE}, {@code BAIANO}, {@code CATARINENSE}…). Also reads {@code "INST FED RN"}, {@code
 * "INSTITUTO FEDERAL DO AP"}: FED or FEDERAL followed by a UF code.
 *
 * <p>Institutions spread over several states (Universidade Federal da Fronteira Sul, UNIVASF,
 * UNILAB, Fiocruz, IBGE…) are deliberately absent.
 */
final class InstitutionTable {

  private record Entry(List<String> words, String uf, Municipality municipality, String method) {}

  private static final Set<String> FEDERAL_WORDS = Set.of("FED", "FEDERAL");

  /** Entries by their first word. */
  private final Map<String, List<Entry>> entries = new HashMap<>();

  private final MunicipalityDirectory municipalities;

  InstitutionTable(MunicipalityDirectory municipalities) {
    this.municipalities = municipalities;
    addAcronyms("AC", "UFAC", "IFAC");
    addAcronyms("AL", "UFAL", "IFAL");
    addAcronyms("AP", "UNIFAP", "IFAP");
    addAcronyms("AM", "UFAM", "IFAM", "INPA");
    addAcronyms("BA", "UFBA", "UFOB", "UFRB", "UFSB", "IFBA", "IFBAIANO");
    addAcronyms("CE", "UFC", "UFCA", "IFCE");
    addAcronyms("DF", "UNB", "FUB", "IFB");
    addAcronyms("ES", "UFES", "IFES");
    addAcronyms("GO", "UFG", "UFJ", "UFCAT", "IFG", "IFGOIANO");
    addAcronyms("MA", "UFMA", "IFMA");
    addAcronyms("MT", "UFMT", "UFR", "IFMT");
    addAcronyms("MS", "UFMS", "UFGD", "IFMS");
    addAcronyms(
        "MG",
        "UFMG",
        "UFJF",
        "UFLA",
        "UFOP",
        "UFSJ",
        "UFTM",
        "UFU",
        "UFV",
        "UFVJM",
        "UNIFAL",
        "UNIFEI",
        "IFMG",
        "IFNMG",
        "IFSULDEMINAS",
        "IFSUDESTEMG",
        "IFTM",
        "CEFETMG");
    addAcronyms("PA", "UFPA", "UFOPA", "UFRA", "UNIFESSPA", "IFPA");
    addAcronyms("PB", "UFPB", "UFCG", "IFPB");
    addAcronyms("PE", "UFPE", "UFRPE", "UFAPE", "IFPE", "IFSERTAOPE", "SERTAOPE");
    addAcronyms("PI", "UFPI", "UFDPAR", "IFPI");
    addAcronyms("PR", "UFPR", "UTFPR", "UNILA", "IFPR");
    addAcronyms("RJ", "UFRJ", "UFF", "UFRRJ", "UNIRIO", "IFRJ", "IFF", "JBRJ");
    addAcronyms("RN", "UFRN", "UFERSA", "IFRN");
    addAcronyms("RO", "UNIR", "IFRO");
    addAcronyms("RR", "UFRR", "IFRR");
    addAcronyms(
        "RS",
        "UFRGS",
        "UFSM",
        "UFPEL",
        "FURG",
        "UNIPAMPA",
        "UFCSPA",
        "IFRS",
        "IFSUL",
        "FARROUPILHA");
    addAcronyms("SC", "UFSC", "IFSC", "IFC");
    addAcronyms("SP", "UNIFESP", "UFSCAR", "FUFSCAR", "UFABC", "IFSP", "IPEN", "INPE");
    addAcronyms("SE", "UFS", "IFS");
    addAcronyms("TO", "UFT", "UFNT", "IFTO");

    // Universities whose name has no usable place (or a place shared by several UFs).
    addPhrase("MG", null, "UNIVERSIDADE FEDERAL DE VICOSA");
    addPhrase("RS", null, "UNIVERSIDADE FEDERAL DE SANTA MARIA");
    addPhrase("SP", null, "UNIVERSIDADE FEDERAL DE SAO CARLOS");
    addPhrase("SP", null, "UNIVERSIDADE FEDERAL DO ABC");
    addPhrase("RS", null, "UNIVERSIDADE FEDERAL DO PAMPA");
    addPhrase("CE", null, "UNIVERSIDADE FEDERAL DO CARIRI");
    addPhrase("MS", null, "GRANDE DOURADOS");
    addPhrase("MG", null, "JEQUITINHONHA E MUCURI");
    addPhrase("RN", null, "RURAL DO SEMI ARIDO");
    addPhrase("RN", null, "RURAL DO S ARIDO");
    addPhrase("RN", null, "RURAL SEMI ARIDO");
    addPhrase("PA", null, "RURAL DA AMAZONIA");
    addPhrase("PA", null, "UNIVERSIDADE FEDERAL DO SUL E SUDESTE DO PARA");
    addPhrase("PR", null, "INTEGRACAO LATINO AMERICANA");
    addPhrase("RJ", null, "TECNOLOGICA CELSO");
    addPhrase("RJ", null, "TECNOL CELSO");
    addPhrase("RJ", null, "COLEGIO PEDRO II");

    // Single-site university hospitals (EBSERH) named after people.
    addPhrase("PB", "2507507", "LAURO WANDERLEY");
    addPhrase("RN", "2408102", "ONOFRE LOPES");
    addPhrase("RN", "2408102", "JANUARIO CICCO");
    addPhrase("RN", "2411205", "HOSPITAL UNIVERSITARIO ANA BEZERRA");
    addPhrase("BA", "2927408", "EDGARD SANTOS");
    addPhrase("BA", "2927408", "CLIMERIO DE OLIVEIRA");
    addPhrase("AM", "1302603", "HOSPITAL UNIVERSITARIO GETULIO VARGAS");
    addPhrase("PB", "2504009", "HOSPITAL UNIVERSITARIO ALCIDES CARNEIRO");
    addPhrase("PB", "2503704", "HOSPITAL UNIVERSITARIO JULIO BANDEIRA");
    addPhrase("ES", "3205309", "CASSIANO ANTONIO DE MORAES");
    addPhrase("MS", "5002704", "MARIA APARECIDA PEDROSSIAN");
    addPhrase("RJ", "3304557", "GAFFREE E GUINLE");
    addPhrase("RJ", "3303302", "HOSPITAL UNIVERSTIARIO ANTONIO PEDRO");
    addPhrase("RJ", "3303302", "HOSPITAL UNIVERSITARIO ANTONIO PEDRO");
    addPhrase("RS", "4315602", "MIGUEL RIET CORREA");
    addPhrase("PE", "2611101", "WASHINGTON ANTONIO DE BARRO");
    addPhrase("AL", "2704302", "ALBERTO ANTUNES");
    addPhrase("TO", "1702109", "HOSPITAL DE DOENCAS TROPICAIS");
    addPhrase("RS", "4314902", "HOSPITAL NOSSA SENHORA DA CONCEICAO");
    addPhrase("MT", "5103403", "HOSPITAL UNIVERSITARIO JULIO MULLER");
    // The Ministério da Saúde's "Hospitais Federais" (Andaraí, Bonsucesso, Ipanema…) are in Rio.
    addPhrase("RJ", "3304557", "HOSPITAL FEDERAL");

    // Single-site research and health institutes.
    addPhrase("PA", "1500800", "INSTITUTO EVANDRO CHAGAS");
    addPhrase("RJ", "3304557", "INFECTOLOGIA EVANDRO CHAGAS");
    addPhrase("RJ", "3304557", "TECNOLOGIA EM IMUNOBIOLOGICOS");
    addPhrase("RJ", "3304557", "TECNOLOGIA EM FARMACOS");
    addPhrase("RJ", "3304557", "TRAUMATOLOGIA E ORTOPEDIA");
    addPhrase("RJ", "3304557", "INSTITUTO NACIONAL DE CARDIOLOGIA");
    addPhrase("RJ", "3304557", "FERNANDES FIGUEIRA");
    addPhrase("RJ", "3304557", "OBSERVATORIO NACIONAL");
    addPhrase("PE", "2611606", "AGGEU MAGALHAES");
    addPhrase("BA", "2927408", "GONCALO MONIZ");
    addPhrase("AM", "1302603", "LEONIDAS E MARIA DEANE");
    addPhrase("MG", "3106200", "RENNE RACHOU");
    addPhrase("MG", "3106200", "RENE RACHOU");
    addPhrase("MG", "3132404", "LABORATORIO NACIONAL DE ASTROFISICA");
    addPhrase("PB", "2504009", "INSTITUTO NACIONAL DO SEMIARIDO");
    addPhrase("PA", "1500800", "CENTRO NACIONAL DE PRIMATAS");
    addPhrase("PE", "2611606", "TECNOLOGIAS ESTRATEG DO NORDESTE");
    addPhrase("PE", "2611606", "TECNOLOGIAS ESTRATEGICAS DO NORDESTE");
    addPhrase("PE", "2611606", "FUNDACAO JOAQUIM NABUCO");
    addPhrase("RJ", "3304557", "CASA DE RUI BARBOSA");
    addPhrase("RJ", "3304557", "BIBLIOTECA NACIONAL");
    // IMBEL factories, named by their initials after the company name.
    addPhrase("MG", "3132404", "MATERIAL BELICO DO BRASIL FI");
    addPhrase("MG", "3136702", "MATERIAL BELICO DO BRASIL FJF");
    addPhrase("SP", "3538501", "MATERIAL BELICO DO BRASIL FPV");
    addPhrase("RJ", "3304557", "MATERIAL BELICO DO BRASIL FMCE");
    addPhrase("RJ", "3302502", "MATERIAL BELICO DO BRASIL FE");

    // CBTU urban rail systems.
    addPhrase("PB", "2507507", "STU JOP");
    addPhrase("AL", "2704302", "STU MAC");
    addPhrase("RN", "2408102", "STU NAT");
    addPhrase("PE", "2611606", "STU REC");
    addPhrase("MG", "3106200", "STU BH");

    // Two-word forms of institutos federais without a separator before the code.
    addPhrase("PE", null, "SERTAO PE");
    addPhrase("MG", null, "SUDESTE MG");
    addPhrase("MG", null, "NORTE DE MINAS");
    addPhrase("MG", null, "SUL DE MINAS");
    addPhrase("MG", null, "SUDESTE DE MINAS");

    addAdjectives("RJ", "FLUMINENSE");
    addAdjectives("SC", "CATARINENSE");
    addAdjectives("BA", "BAIANO", "BAIANA");
    addAdjectives("GO", "GOIANO");
    addAdjectives("PA", "PARAENSE");
    addAdjectives("MG", "MINEIRO", "MINEIRA");
    addAdjectives("PE", "PERNAMBUCANO", "PERNAMBUCANA", "PERNAMB");
    addAdjectives("RN", "POTIGUAR");
    addAdjectives("ES", "CAPIXABA");
    addAdjectives("AM", "AMAZONENSE");
    addAdjectives("CE", "CEARENSE");
    addAdjectives("MA", "MARANHENSE");
    addAdjectives("PI", "PIAUIENSE");
    addAdjectives("PB", "PARAIBANO", "PARAIBANA");
    addAdjectives("AL", "ALAGOANO", "ALAGOANA");
    addAdjectives("SE", "SERGIPANO", "SERGIPANA");
    addAdjectives("AC", "ACREANO", "ACREANA");
    addAdjectives("RO", "RONDONIENSE");
    addAdjectives("RR", "RORAIMENSE");
    addAdjectives("AP", "AMAPAENSE");
    addAdjectives("TO", "TOCANTINENSE");
    addAdjectives("PR", "PARANAENSE");
    addAdjectives("RS", "GAUCHO", "GAUCHA", "RIOGRANDENSE", "SUL RIO GRANDENSE");
  }

  private void addAcronyms(String uf, String... acronyms) {
    for (String acronym : acronyms) {
      add(new Entry(List.of(acronym), uf, null, Rules.INSTITUTION));
    }
  }

  /** An institution named by a phrase, with the IBGE code of its town when it has one site. */
  private void addPhrase(String uf, String ibgeCode, String phrase) {
    Municipality town = null;
    if (ibgeCode != null) {
      town = municipalities.require(ibgeCode);
      if (!town.uf().equals(uf)) {
        throw new IllegalStateException(town + " is not in " + uf + " for " + phrase);
      }
    }
    add(new Entry(NormalizedText.contentWords(phrase), uf, town, Rules.INSTITUTION));
  }

  private void addAdjectives(String uf, String... adjectives) {
    for (String adjective : adjectives) {
      add(new Entry(NormalizedText.contentWords(adjective), uf, null, Rules.STATE_ADJECTIVE));
    }
  }

  private void add(Entry entry) {
    entries.computeIfAbsent(entry.words().get(0), k -> new ArrayList<>()).add(entry);
  }

  /** Institutions and state adjectives named in the text. */
  List<Evidence> find(NormalizedText text) {
    List<String> content = new ArrayList<>();
    for (Token token : text.tokens()) {
      if (!NormalizedText.CONNECTORS.contains(token.text())) {
        content.add(token.text());
      }
    }
    List<Evidence> found = new ArrayList<>();
    for (int start = 0; start < content.size(); start++) {
      for (Entry e : entries.getOrDefault(content.get(start), List.of())) {
        if (startsAt(content, start, e.words())) {
          double confidence =
              e.method().equals(Rules.STATE_ADJECTIVE)
                  ? Rules.STATE_ADJECTIVE_CONFIDENCE
                  : Rules.INSTITUTION_CONFIDENCE;
          found.add(new Evidence(e.uf(), e.municipality(), e.method(), confidence));
        }
      }
    }
    for (int i = 0; i + 1 < content.size(); i++) {
      String next = content.get(i + 1);
      if (FEDERAL_WORDS.contains(content.get(i)) && MacroRegion.isUf(next)) {
        found.add(new Evidence(next, null, Rules.INSTITUTION, Rules.INSTITUTION_CONFIDENCE));
      }
    }
    return found;
  }

  private static boolean startsAt(List<String> content, int start, List<String> words) {
    if (start + words.size() > content.size()) {
      return false;
    }
    for (int k = 1; k < words.size(); k++) {
      if (!content.get(start + k).equals(words.get(k))) {
        return false;
      }
    }
    return true;
  }
}
