package org.sentinela.ingest;

import java.util.regex.Pattern;

/**
 * Cleans a contract's object text: control characters and "Objeto:" prefixes removed.
 *
 * <p>Control characters ({@code \p{Cntrl}}: U+0000–U+001F and U+007F) and ASCII whitespace ({@code
 * \s}) count as spaces, and every run of them becomes one space. This runs on every row, so it is
 * one pass over the characters; the prefix pattern runs only on texts that start like it.
 */
public final class ObjectTextCleaner {

  private static final Pattern PREFIX =
      Pattern.compile("^(?:(?i:objeto|objetivo)\\s*:\\s*)+", Pattern.UNICODE_CASE);
  private static final String PREFIX_START = "objet";
  private static final char DELETE = '\u007f';

  private ObjectTextCleaner() {}

  /** The text without "Objeto: " prefixes (even doubled), control characters and extra spaces. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String singleSpaced = singleSpaced(text).strip();
    if (!singleSpaced.regionMatches(true, 0, PREFIX_START, 0, PREFIX_START.length())) {
      return singleSpaced;
    }
    return PREFIX.matcher(singleSpaced).replaceFirst("").strip();
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

  /**
   * Control characters, DEL and the space: together they cover the ASCII whitespace of {@code \s}.
   */
  private static boolean isSpace(char c) {
    return c <= ' ' || c == DELETE;
  }
}
