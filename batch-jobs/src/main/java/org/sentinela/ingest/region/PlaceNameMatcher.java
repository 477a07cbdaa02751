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

  /**
   * The entries sharing a first word, in table order, with the positions of the one-word entries
   * and of the others by their second word: only the names whose second word the text's next word
   * spells, expands to, or (if that word may be abbreviated or cut) starts can match, so the others
   * are not tried.
   */
  private static final class Bucket {
    private static final int[] NONE = new int[0];

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, int[]> bySecondWord = new HashMap<>();
    private int[] oneWord = NONE;
    private String[] secondWords = new String[0];

    void add(Entry entry) {
      int position = entries.size();
      entries.add(entry);
      if (entry.words().size() == 1) {
        oneWord = append(oneWord, position);
      } else {
        bySecondWord.merge(entry.words().get(1), new int[] {position}, (a, b) -> append(a, b[0]));
        secondWords = bySecondWord.keySet().toArray(new String[0]);
        Arrays.sort(secondWords);
      }
    }

    private static int[] append(int[] positions, int position) {
      int[] longer = Arrays.copyOf(positions, positions.length + 1);
      longer[positions.length] = position;
      return longer;
    }

    /** Adds, in table order, the entries that may match the text from content word {@code i}. */
    void addCandidates(ContentWords content, int i, List<Entry> out) {
      int next = i + 1;
      if (next >= content.size()) {
        out.addAll(entries);
        return;
      }
      String word = content.words[next];
      int[] positions = oneWord;
      if (content.abbreviations[next] || content.cutWords[next]) {
        for (int k = firstAtOrAfter(secondWords, word); k < endOfPrefix(secondWords, word); k++) {
          positions = concat(positions, bySecondWord.get(secondWords[k]));
        }
      } else {
        positions = concat(positions, bySecondWord.getOrDefault(word, NONE));
      }
      String expansion = content.expansions[next];
      if (expansion != null) {
        positions = concat(positions, bySecondWord.getOrDefault(expansion, NONE));
      }
      Arrays.sort(positions);
      for (int p = 0; p < positions.length; p++) {
        if (p == 0 || positions[p] != positions[p - 1]) {
          out.add(entries.get(positions[p]));
        }
      }
    }

    private static int[] concat(int[] a, int[] b) {
      if (b.length == 0) {
        return a;
      }
      int[] both = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, both, a.length, b.length);
      return both;
    }
  }

  private final Map<String, Bucket> byFirstWord = new HashMap<>();

  /** The keys of {@link #byFirstWord} in order, to find the words an abbreviation may stand for. */
  private final String[] firstWords;

  /** The buckets of {@link #firstWords}, in the same order. */
  private final Bucket[] bucketsInOrder;

  /** Index of the first of the sorted words that is not before {@code word}. */
  private static int firstAtOrAfter(String[] sorted, String word) {
    int k = Arrays.binarySearch(sorted, word);
    return k >= 0 ? k : -k - 1;
  }

  /** End of the run of sorted (ASCII) words that start with {@code prefix}. */
  private static int endOfPrefix(String[] sorted, String prefix) {
    return firstAtOrAfter(sorted, prefix + Character.MAX_VALUE);
  }

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
    bucketsInOrder = new Bucket[firstWords.length];
    for (int k = 0; k < firstWords.length; k++) {
      bucketsInOrder[k] = byFirstWord.get(firstWords[k]);
    }
  }

  private void add(Entry entry) {
    byFirstWord.computeIfAbsent(entry.words().get(0), k -> new Bucket()).add(entry);
  }

  /** Every state or municipality name in the text, left to right, longest first. */
  List<PlaceMatch> find(NormalizedText text) {
    ContentWords content = new ContentWords(text);
    List<PlaceMatch> matches = new ArrayList<>();
    int i = 0;
    while (i < content.size()) {
      int consumed = matchAt(text, content, i, matches);
      i += Math.max(consumed, 1);
    }
    return matches;
  }

  /**
   * The content words of one text (connectors skipped), read once for all the entries compared with
   * them: the token each comes from, its fixed expansion, whether it may be abbreviated (a single
   * letter, a dot after it) or the cut last word of a truncated text.
   */
  private static final class ContentWords {
    private final int[] tokenIndex;
    private final String[] words;
    private final String[] expansions;
    private final boolean[] abbreviations;
    private final boolean[] cutWords;

    ContentWords(NormalizedText text) {
      List<Token> tokens = text.tokens();
      int count = 0;
      int[] indexes = new int[tokens.size()];
      for (int t = 0; t < tokens.size(); t++) {
        if (!NormalizedText.CONNECTORS.contains(tokens.get(t).text())) {
          indexes[count++] = t;
        }
      }
      tokenIndex = Arrays.copyOf(indexes, count);
      words = new String[count];
      expansions = new String[count];
      abbreviations = new boolean[count];
      cutWords = new boolean[count];
      for (int k = 0; k < count; k++) {
        Token token = tokens.get(tokenIndex[k]);
        String word = token.text();
        words[k] = word;
        expansions[k] = EXPANSIONS.get(word);
        abbreviations[k] =
            Character.isLetter(word.charAt(0)) && (word.length() == 1 || token.abbreviated());
        boolean lastWord = tokenIndex[k] == tokens.size() - 1;
        cutWords[k] = text.possiblyTruncated() && lastWord && word.length() >= 3;
      }
    }

    int size() {
      return words.length;
    }

    int token(int k) {
      return tokenIndex[k];
    }
  }

  /** Matches the longest names starting at content word {@code i}; returns words consumed. */
  private int matchAt(NormalizedText text, ContentWords content, int i, List<PlaceMatch> out) {
    int bestLength = 0;
    List<Candidate> best = new ArrayList<>();
    for (Entry entry : candidatesFor(content, i)) {
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
    int first = content.token(i);
    int last = content.token(i + bestLength - 1);
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
  private List<Entry> candidatesFor(ContentWords content, int i) {
    String word = content.words[i];
    List<Entry> found = new ArrayList<>();
    addCandidates(word, content, i, found);
    String expanded = content.expansions[i];
    if (expanded != null) {
      addCandidates(expanded, content, i, found);
    }
    if (content.abbreviations[i] || content.cutWords[i]) {
      int longer = firstAtOrAfter(firstWords, word);
      if (longer < firstWords.length && firstWords[longer].equals(word)) {
        longer++;
      }
      for (int k = longer; k < endOfPrefix(firstWords, word); k++) {
        bucketsInOrder[k].addCandidates(content, i, found);
      }
    }
    return found;
  }

  private void addCandidates(String firstWord, ContentWords content, int i, List<Entry> out) {
    Bucket bucket = byFirstWord.get(firstWord);
    if (bucket != null) {
      bucket.addCandidates(content, i, out);
    }
  }

  /**
   * Matches an entry against the text from content word {@code i}, or returns null. A word of one
   * letter does not count as spelled in full, and every match needs one word spelled in full.
   */
  private static Candidate score(NormalizedText text, ContentWords content, int i, Entry entry) {
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
      String word = content.words[ci];
      String nameWord = words.get(j);
      if (word.equals(nameWord) || nameWord.equals(content.expansions[ci])) {
        exact += word.length() > 1 ? 1 : 0;
        abbreviated |= word.length() == 1;
      } else if (!nameWord.startsWith(word)) {
        return null;
      } else if (content.abbreviations[ci]) {
        abbreviated = true;
      } else if (content.cutWords[ci]) {
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

  private static boolean personTitleBefore(List<Token> tokens, int first) {
    for (int t = Math.max(0, first - PERSON_TITLE_WINDOW); t < first; t++) {
      if (PERSON_TITLES.contains(tokens.get(t).text())) {
        return true;
      }
    }
    return false;
  }
}
