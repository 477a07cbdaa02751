package org.sentinela.ingest.region;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A buyer name reduced to a comparable form: no accents, upper case, only letters, digits and the
 * separators {@code / - ( )}, single spaces. Also split into tokens that remember whether a
 * separator came before them and whether a dot followed them (an abbreviation such as {@code
 * "S.PAULO"} or {@code "GOV. MANGABEIRA"}).
 *
 * <p>The Portal da Transparência cuts names at {@value #SOURCE_FIELD_WIDTH} characters, so a text
 * that long may end inside a word ({@code "...DA MARINHA EM RIO GRAND"}); {@link
 * #possiblyTruncated()} flags it so that rules do not trust its last token.
 */
final class NormalizedText {

  /** Width of the name columns of the Portal's Compras files; longer names are cut. */
  static final int SOURCE_FIELD_WIDTH = 45;

  /** Short words that join the parts of a place name and carry no meaning for matching. */
  static final Set<String> CONNECTORS = Set.of("DE", "DA", "DO", "DAS", "DOS", "D", "E");

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final String SEPARATORS = "/-(),;:";

  /** Folded form of U+0080..U+00FF (controls and symbols become spaces). */
  private static final String[] LATIN1_FOLDED = latin1Table();

  private static String[] latin1Table() {
    String[] table = new String[0x80];
    Arrays.fill(table, " ");
    String letters =
        "AAAAAAACEEEEIIII" // U+00C0..U+00CF (Æ at U+00C6 fixed below)
            + "DNOOOOO OUUUUYTS" // U+00D0..U+00DF (× at U+00D7, Þ and ß fixed below)
            + "AAAAAAACEEEEIIII" // U+00E0..U+00EF
            + "DNOOOOO OUUUUYTY"; // U+00F0..U+00FF
    for (int k = 0; k < letters.length(); k++) {
      table[0x40 + k] = String.valueOf(letters.charAt(k));
    }
    table[0xC6 - 0x80] = "AE";
    table[0xE6 - 0x80] = "AE";
    table[0xDE - 0x80] = "TH";
    table[0xFE - 0x80] = "TH";
    table[0xDF - 0x80] = "SS";
    table[0xAA - 0x80] = "A"; // ª
    table[0xBA - 0x80] = "O"; // º
    table[0xB9 - 0x80] = "1";
    table[0xB2 - 0x80] = "2";
    table[0xB3 - 0x80] = "3";
    return table;
  }

  /** One word of the text. */
  record Token(String text, boolean afterSeparator, boolean abbreviated) {}

  private static final NormalizedText EMPTY = new NormalizedText("", List.of(), false);

  private final String punctuated;
  private final List<Token> tokens;
  private final boolean possiblyTruncated;

  private NormalizedText(String punctuated, List<Token> tokens, boolean possiblyTruncated) {
    this.punctuated = punctuated;
    this.tokens = List.copyOf(tokens);
    this.possiblyTruncated = possiblyTruncated;
  }

  /**
   * Normalises raw source text (null and blank give an empty text). Pass the field untrimmed: its
   * length tells whether the Portal may have cut it.
   */
  static NormalizedText of(String raw) {
    if (raw == null || raw.isBlank()) {
      return EMPTY;
    }
    String folded = fold(raw);
    return new NormalizedText(
        punctuate(folded), tokenize(folded), raw.length() >= SOURCE_FIELD_WIDTH);
  }

  /**
   * Keeps letters, digits and {@code / ( ) -}; every run of other characters between two kept ones
   * becomes one space, and runs at either end are dropped.
   */
  static String punctuate(String folded) {
    char[] out = new char[folded.length()];
    int length = 0;
    boolean gap = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (isWordChar(c) || c == '/' || c == '(' || c == ')' || c == '-') {
        if (gap && length > 0) {
          out[length++] = ' ';
        }
        out[length++] = c;
        gap = false;
      } else {
        gap = true;
      }
    }
    return new String(out, 0, length);
  }

  /**
   * Upper case without accents; ordinal signs become letters ({@code 8º} → {@code 8O}) and a zero
   * typed for the letter O inside a word is read as O ({@code "GROSS0"}). Latin-1 text, all the
   * sources have, is folded by table; anything else goes through Unicode decomposition.
   */
  static String fold(String raw) {
    char[] out = new char[raw.length() * 2];
    int length = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x80) {
        out[length++] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
      } else if (c <= 0xFF) {
        String folded = LATIN1_FOLDED[c - 0x80];
        for (int k = 0; k < folded.length(); k++) {
          out[length++] = folded.charAt(k);
        }
      } else {
        return foldByDecomposition(raw);
      }
    }
    for (int i = 1; i < length; i++) {
      boolean digitAfter = i + 1 < length && out[i + 1] >= '0' && out[i + 1] <= '9';
      if (out[i] == '0' && isLetter(out[i - 1]) && !digitAfter) {
        out[i] = 'O';
      }
    }
    return new String(out, 0, length);
  }

  /** Slow path for text outside Latin-1: Unicode decomposition, then the Latin-1 table. */
  private static String foldByDecomposition(String raw) {
    String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD);
    String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("");
    StringBuilder latin1 = new StringBuilder(stripped.length());
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      latin1.append(c <= 0xFF ? c : ' ');
    }
    return fold(latin1.toString());
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** The words of a name as used for matching, without {@link #CONNECTORS}. */
  static List<String> contentWords(String name) {
    String folded = fold(name);
    List<String> words = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= folded.length(); i++) {
      boolean inWord = i < folded.length() && isWordChar(folded.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        String word = folded.substring(start, i);
        if (!CONNECTORS.contains(word)) {
          words.add(word);
        }
        start = -1;
      }
    }
    return words;
  }

  private static List<Token> tokenize(String folded) {
    List<Token> tokens = new ArrayList<>();
    boolean separatorSeen = false;
    int i = 0;
    while (i < folded.length()) {
      char c = folded.charAt(i);
      if (isWordChar(c)) {
        int start = i;
        while (i < folded.length() && isWordChar(folded.charAt(i))) {
          i++;
        }
        boolean dotAfter = i < folded.length() && folded.charAt(i) == '.';
        tokens.add(new Token(folded.substring(start, i), separatorSeen, dotAfter));
        separatorSeen = false;
      } else {
        separatorSeen |= SEPARATORS.indexOf(c) >= 0;
        i++;
      }
    }
    return tokens;
  }

  /** A character of a word (what {@code \b} sees as one) in normalised text. */
  static boolean isWordChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Upper case, accent-free text keeping {@code / - ( )} between single spaces. */
  String punctuated() {
    return punctuated;
  }

  List<Token> tokens() {
    return tokens;
  }

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** True if the source text reached the Portal's field width and may have lost its end. */
  boolean possiblyTruncated() {
    return possiblyTruncated;
  }

  @Override
  public String toString() {
    return punctuated;
  }
}
