package org.sentinela.ingest.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sentinela.ingest.region.NormalizedText.Token;

/**
 * Finds state and municipality names in a {@link NormalizedText}, longest name first.
 *
 * <p>Names are compared on their content words (connectors such as {@code DE}, {@code DO} are
 * skipped on both sides, so {@code "SAO VICENTE SUL"} finds São Vicente do Sul). A text word may
 * abbreviate a name word when it is a single letter ({@code "S J CAMPOS"}), ends with a dot ({@code
 * "GOV. MANGABEIRA"}, {@code "ESP.SANTO"}), is a known abbreviation ({@code STA}, {@code STO},
 * {@code SRA}…) or is the cut last word of a {@linkplain NormalizedText#possiblyTruncated()
 * truncated} text; every match still needs one word spelled in full. In a truncated text a name may
 * also run past the end of the text, so {@code "...EM RIO GRAND"} matches Rio Grande, Rio Grande do
 * Sul, Rio Grande do Norte… and is therefore ambiguous.
 *
 * <p>The words a match covers are consumed even when the caller rejects the match, so {@code "FORTE
 * DUQUE DE CAXIAS"} never yields Caxias (MA).
 */
final class PlaceNameMatcher {

  /** A place a name may denote: a state ({@code municipality == null}) or a municipality. */
  record Place(String uf, Municipality municipality) {
    boolean isState() {
      return municipality == null;
    }
  }

  /**
   * A name found in the text.
   *
   * @param firstToken index of its first token in {@link NormalizedText#tokens()}
   * @param lastToken index of its last token
   * @param places every place it may denote (several for names shared by several UFs)
   * @param precedingWord the token before it, or "" at the start
   * @param afterSeparator whether a separator ({@code / - (}) came right before it
   * @param personTitleBefore whether a person's title (ALMIRANTE, DR, PROF…) is just before it
   * @param cutOff whether some of the names are only guesses at what a truncated text went on to
   *     say (they run past its end, or only complete its cut last word), so that the match only
   *     shows what the text might have said
   */
  record PlaceMatch(
      int firstToken,
      int lastToken,
      List<Place> places,
      String precedingWord,
      boolean afterSeparator,
      boolean personTitleBefore,
      boolean cutOff) {

    /** True if the name follows a preposition, CAMPUS, or a separator: a place position. */
    boolean inPlaceContext() {
      return afterSeparator || PLACE_TRIGGERS.contains(precedingWord);
    }

    /** True if the name follows CAMPUS or EM: it almost surely is the unit's own town. */
    boolean inStrongContext() {
      return STRONG_TRIGGERS.contains(precedingWord);
    }

    boolean hasState() {
      return places.stream().anyMatch(Place::isState);
    }
  }

  /** Words after which a municipality name is read as a location. */
  static final Set<String> PLACE_TRIGGERS =
      Set.of("DE", "DO", "DA", "DOS", "DAS", "EM", "NO", "NA", "CAMPUS", "CAMP");

  private static final Set<String> STRONG_TRIGGERS = Set.of("CAMPUS", "CAMP", "EM");

  /** Titles that start a person's name: what follows is a patron, not a place. */
  private static final Set<String> PERSON_TITLES =
      Set.of(
          "ALM ALMIRANTE ALTE DR DRA DOUTOR PROF PROFA PROFESSOR GEN GENERAL CEL CORONEL VISCONDE"
              .concat(" BARAO CONDE PADRE DOM MINISTRO")
              .split(" "));

  private static final int PERSON_TITLE_WINDOW = 4;

  /** Fixed abbreviations of name words. */
  private static final Map<String, String> EXPANSIONS =
      Map.of(
          "STA", "SANTA",
          "STO", "SANTO",
          "SRA", "SENHORA",
          "CEL", "CORONEL",
          "MAL", "MARECHAL",
          "GAL", "GENERAL");

  /** Words before a state name that make it a river (Rio Paraná, Tietê-Paraná, Guamá-Tocantins). */
  private static final Set<String> RIVER_WORDS = Set.of("RIO", "TIETE", "ARAGUAIA", "GUAMA");

  /** State names and the spellings seen in the data. PARA needs a preposition. */
  private static final List<String[]> STATE_ALIASES =
      List.of(
          new String[] {"AC", "ACRE"},
          new String[] {"AL", "ALAGOAS"},
          new String[] {"AP", "AMAPA"},
          new String[] {"AM", "AMAZONAS"},
          new String[] {"BA", "BAHIA"},
          new String[] {"CE", "CEARA"},
          new String[] {"DF", "DISTRITO FEDERAL"},
          new String[] {"DF", "DISTRITO FED"},
          new String[] {"ES", "ESPIRITO SANTO"},
          new String[] {"GO", "GOIAS"},
          new String[] {"MA", "MARANHAO"},
          new String[] {"MT", "MATO GROSSO"},
          new String[] {"MS", "MATO GROSSO DO SUL"},
          new String[] {"MG", "MINAS GERAIS"},
          new String[] {"PA", "PARA"},
          new String[] {"PB", "PARAIBA"},
          new String[] {"PR", "PARANA"},
          new String[] {"PE", "PERNAMBUCO"},
          new String[] {"PE", "PERNANBUCO"},
          new String[] {"PI", "PIAUI"},
          new String[] {"RJ", "RIO DE JANEIRO"},
          new String[] {"RN", "RIO GRANDE DO NORTE"},
          new String[] {"RS", "RIO GRANDE DO SUL"},
          new String[] {"RO", "RONDONIA"},
          new String[] {"RR", "RORAIMA"},
          new String[] {"SC", "SANTA CATARINA"},
          new String[] {"SP", "SAO PAULO"},
          new String[] {"SE", "SERGIPE"},
          new String[] {"TO", "TOCANTINS"});

  private static final Set<String> NEED_PREPOSITION = Set.of("PARA");
  private static final Set<String> STATE_PREPOSITIONS = Set.of("DO", "NO", "DE", "EM", "ESTADO");

  private record Entry(List<String> words, Place place, boolean needsPreposition) {}

  /**
   * How an entry matches the text: words of the text consumed; whether a word was abbreviated
   * (single letter, dot); whether the cut last word of a truncated text was completed; whether the
   * name goes on after the end of a truncated text.
   */
  private record Candidate(
      Entry entry,
      int consumed,
      boolean abbreviated,
      boolean completesCutWord,
      boolean runsPastEnd) {

    /** Found as written, with nothing completed or guessed. */
    boolean asWritten() {
      return !abbreviated && !completesCutWord && !runsPastEnd;
    }

    /** The text may not name this place at all: it is one way a cut text could have gone on. */
    boolean guessed() {
      return runsPastEnd || (completesCutWord && consumed == 1);
    }
  }

  private final Map<String, List<Entry>> byFirstWord = new HashMap<>();

  /** The keys of {@link #byFirstWord} in order, to find the words an abbreviation may stand for. */
  private final String[] firstWords;

  PlaceNameMatcher(MunicipalityDirectory municipalities) {
    for (String[] alias : STATE_ALIASES) {
      List<String> words = NormalizedText.contentWords(alias[1]);
      add(new Entry(words, new Place(alias[0], null), NEED_PREPOSITION.contains(alias[1])));
    }
    for (Municipality m : municipalities.all()) {
      if (!m.words().isEmpty()) {
        add(new Entry(m.words(), new Place(m.uf(), m), false));
      }
    }
    firstWords = byFirstWord.keySet().toArray(new String[0]);
    Arrays.sort(firstWords);
  }

  private void add(Entry entry) {
    byFirstWord.computeIfAbsent(entry.words().get(0), k -> new ArrayList<>()).add(entry);
  }

  /** Every state or municipality name in the text, left to right, longest first. */
  List<PlaceMatch> find(NormalizedText text) {
    List<Token> tokens = text.tokens();
    List<Integer> content = new ArrayList<>();
    for (int t = 0; t < tokens.size(); t++) {
      if (!NormalizedText.CONNECTORS.contains(tokens.get(t).text())) {
        content.add(t);
      }
    }
    List<PlaceMatch> matches = new ArrayList<>();
    int i = 0;
    while (i < content.size()) {
      int consumed = matchAt(text, content, i, matches);
      i += Math.max(consumed, 1);
    }
    return matches;
  }

  /** Matches the longest names starting at content word {@code i}; returns words consumed. */
  private int matchAt(NormalizedText text, List<Integer> content, int i, List<PlaceMatch> out) {
    int bestLength = 0;
    List<Candidate> best = new ArrayList<>();
    for (Entry entry : candidatesFor(text, content, i)) {
      Candidate candidate = score(text, content, i, entry);
      if (candidate == null) {
        continue;
      }
      if (candidate.consumed() > bestLength) {
        bestLength = candidate.consumed();
        best.clear();
      }
      if (candidate.consumed() == bestLength) {
        best.add(candidate);
      }
    }
    if (best.isEmpty()) {
      return 0;
    }
    List<Token> tokens = text.tokens();
    int first = content.get(i);
    int last = content.get(i + bestLength - 1);
    String preceding = first > 0 ? tokens.get(first - 1).text() : "";
    boolean atEnd = last == tokens.size() - 1;
    List<Candidate> kept = dropNeedlessAbbreviations(best);
    List<Place> places = choosePlaces(kept, preceding, tokens.get(first).afterSeparator(), atEnd);
    if (!places.isEmpty()) {
      out.add(
          new PlaceMatch(
              first,
              last,
              places,
              preceding,
              tokens.get(first).afterSeparator(),
              personTitleBefore(tokens, first),
              kept.stream().anyMatch(Candidate::guessed)));
    }
    return bestLength;
  }

  /**
   * Abbreviation is a guess: when some name matches as written, names reached only through an
   * abbreviation are dropped. Completions of a cut word stay, as they show real ambiguity, except
   * municipality completions next to a state name read in full.
   */
  private static List<Candidate> dropNeedlessAbbreviations(List<Candidate> best) {
    List<Candidate> kept = best;
    if (kept.stream().anyMatch(Candidate::asWritten)) {
      kept = kept.stream().filter(c -> !c.abbreviated()).toList();
    }
    // A state name read in full beats municipalities the cut text might have gone on to name
    // ("...DO ME - PARAIBA" is not Paraibano/MA nor Paraíba do Sul/RJ).
    boolean stateAsWritten =
        kept.stream().anyMatch(c -> c.asWritten() && c.entry().place().isState());
    if (stateAsWritten) {
      kept = kept.stream().filter(c -> c.asWritten() || c.entry().place().isState()).toList();
    }
    return kept;
  }

  private static List<Place> choosePlaces(
      List<Candidate> candidates, String preceding, boolean afterSeparator, boolean atEnd) {
    List<Entry> kept = candidates.stream().map(Candidate::entry).toList();
    // A state and a municipality spelled alike (Goiás, Tocantins, São Paulo…): the state wins.
    List<List<String>> stateNames = new ArrayList<>();
    for (Entry e : kept) {
      if (e.place().isState()) {
        stateNames.add(e.words());
      }
    }
    List<Place> places = new ArrayList<>();
    for (Entry e : kept) {
      if (e.place().isState()) {
        if (RIVER_WORDS.contains(preceding)) {
          continue;
        }
        if (e.needsPreposition()
            && !STATE_PREPOSITIONS.contains(preceding)
            && !(afterSeparator && atEnd)) {
          continue;
        }
        places.add(e.place());
      } else if (!stateNames.contains(e.words())) {
        places.add(e.place());
      }
    }
    return places;
  }

  /**
   * The entries whose first word is the text's word, its expansion, or (when the word may be
   * abbreviated or cut) a longer word it starts, in that order, longer words alphabetically.
   */
  private List<Entry> candidatesFor(NormalizedText text, List<Integer> content, int i) {
    String word = text.tokens().get(content.get(i)).text();
    List<Entry> exact = byFirstWord.getOrDefault(word, List.of());
    String expanded = EXPANSIONS.get(word);
    boolean abbreviation = mayAbbreviate(text, content, i);
    if (expanded == null && !abbreviation) {
      return exact;
    }
    List<Entry> found = new ArrayList<>(exact);
    if (expanded != null) {
      found.addAll(byFirstWord.getOrDefault(expanded, List.of()));
    }
    if (abbreviation) {
      int k = Arrays.binarySearch(firstWords, word);
      for (k = k >= 0 ? k + 1 : -k - 1; k < firstWords.length; k++) {
        if (!firstWords[k].startsWith(word)) {
          break;
        }
        found.addAll(byFirstWord.get(firstWords[k]));
      }
    }
    return found;
  }

  /**
   * Matches an entry against the text from content word {@code i}, or returns null. A word of one
   * letter does not count as spelled in full, and every match needs one word spelled in full.
   */
  private static Candidate score(NormalizedText text, List<Integer> content, int i, Entry entry) {
    List<String> words = entry.words();
    int exact = 0;
    boolean abbreviated = false;
    boolean completesCutWord = false;
    for (int j = 0; j < words.size(); j++) {
      int ci = i + j;
      if (ci >= content.size()) {
        // The text ended inside the name: only possible if the text may have been cut.
        return text.possiblyTruncated() && exact > 0
            ? new Candidate(entry, j, abbreviated, completesCutWord, true)
            : null;
      }
      String word = text.tokens().get(content.get(ci)).text();
      String nameWord = words.get(j);
      if (word.equals(nameWord) || nameWord.equals(EXPANSIONS.get(word))) {
        exact += word.length() > 1 ? 1 : 0;
        abbreviated |= word.length() == 1;
      } else if (!nameWord.startsWith(word)) {
        return null;
      } else if (isAbbreviation(text, content, ci)) {
        abbreviated = true;
      } else if (isCutWord(text, content, ci)) {
        completesCutWord = true;
      } else {
        return null;
      }
    }
    // A cut last word alone ("...DA MARI") is kept even with no full word: it shows ambiguity.
    return exact == 0 && !(completesCutWord && words.size() == 1)
        ? null
        : new Candidate(entry, words.size(), abbreviated, completesCutWord, false);
  }

  /** A single letter or a word followed by a dot may stand for a longer word. */
  private static boolean isAbbreviation(NormalizedText text, List<Integer> content, int ci) {
    Token token = text.tokens().get(content.get(ci));
    String word = token.text();
    return Character.isLetter(word.charAt(0)) && (word.length() == 1 || token.abbreviated());
  }

  /** The last word of a truncated text may be the start of a longer word. */
  private static boolean isCutWord(NormalizedText text, List<Integer> content, int ci) {
    String word = text.tokens().get(content.get(ci)).text();
    boolean lastWord = content.get(ci) == text.tokens().size() - 1;
    return text.possiblyTruncated() && lastWord && word.length() >= 3;
  }

  private static boolean mayAbbreviate(NormalizedText text, List<Integer> content, int ci) {
    return isAbbreviation(text, content, ci) || isCutWord(text, content, ci);
  }

  private static boolean personTitleBefore(List<Token> tokens, int first) {
    for (int t = Math.max(0, first - PERSON_TITLE_WINDOW); t < first; t++) {
      if (PERSON_TITLES.contains(tokens.get(t).text())) {
        return true;
      }
    }
    return false;
  }
}
