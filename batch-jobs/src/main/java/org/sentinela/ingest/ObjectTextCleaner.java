package org.sentinela.ingest;

/**
 * Cleans a contract's object text: control characters and "Objeto:" prefixes removed.
 *
 * <p>Control characters ({@code \p{Cntrl}}: U+0000–U+001F and U+007F) and ASCII whitespace ({@code
 * \s}) count as spaces, and every run of them becomes one space. A prefix is what the pattern
 * {@code ^(?:(?i:objeto|objetivo)\s*:\s*)+} (with Unicode case) would remove. This runs on every
 * row, so both are one pass over the characters.
 */
public final class ObjectTextCleaner {

  private static final String OBJET = "objet";
  private static final String ASCII_WHITESPACE = " \t\n\013\f\r";
  private static final char DELETE = '\u007f';

  private ObjectTextCleaner() {}

  /** The text without "Objeto: " prefixes (even doubled), control characters and extra spaces. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String singleSpaced = singleSpaced(text).strip();
    int prefix = prefixLength(singleSpaced);
    return prefix == 0 ? singleSpaced : singleSpaced.substring(prefix).strip();
  }

  /** True if the text holds control characters other than tab and line breaks. */
  public static boolean hasControlCharacters(String text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == DELETE) {
        return true;
      }
    }
    return false;
  }

  /** The text with each run of control characters and ASCII whitespace replaced by one space. */
  private static String singleSpaced(String text) {
    int length = text.length();
    int i = 0;
    boolean previousSpace = false;
    for (; i < length; i++) {
      char c = text.charAt(i);
      boolean space = isSpace(c);
      if (space && (previousSpace || c != ' ')) {
        break;
      }
      previousSpace = space;
    }
    if (i == length) {
      return text;
    }
    StringBuilder out = new StringBuilder(length).append(text, 0, i);
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (!isSpace(c)) {
        out.append(c);
        previousSpace = false;
      } else if (!previousSpace) {
        out.append(' ');
        previousSpace = true;
      }
    }
    return out.toString();
  }

  /** Length of the leading run of "objeto:" and "objetivo :" prefixes, each with its spaces. */
  private static int prefixLength(String text) {
    int end = 0;
    while (true) {
      int i = skipWhitespace(text, afterObjectWord(text, end));
      if (i < 0 || i >= text.length() || text.charAt(i) != ':') {
        return end;
      }
      end = skipWhitespace(text, i + 1);
    }
  }

  /** The index after "objeto" or "objetivo" (in any case) at {@code start}, or -1. */
  private static int afterObjectWord(String text, int start) {
    if (!matchesIgnoringCase(text, start, OBJET)) {
      return -1;
    }
    int i = start + OBJET.length();
    if (matchesIgnoringCase(text, i, "o")) {
      return i + 1;
    }
    return matchesIgnoringCase(text, i, "ivo") ? i + 3 : -1;
  }

  /**
   * True if {@code lower} (lower-case ASCII) is at {@code start}, comparing as a case-insensitive
   * Unicode pattern does: a character matches when its upper case, lowered, is the pattern's.
   */
  private static boolean matchesIgnoringCase(String text, int start, String lower) {
    if (start + lower.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < lower.length(); i++) {
      char c = text.charAt(start + i);
      if (c != lower.charAt(i)
          && Character.toLowerCase(Character.toUpperCase(c)) != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The first index from {@code start} that is not ASCII whitespace; -1 (no word) stays -1. */
  private static int skipWhitespace(String text, int start) {
    int i = start;
    while (i >= 0 && i < text.length() && ASCII_WHITESPACE.indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /**
   * Control characters, DEL and the space: together they cover the ASCII whitespace of {@code \s}.
   */
  private static boolean isSpace(char c) {
    return c <= ' ' || c == DELETE;
  }
}
