package org.sentinela.ingest;

import java.util.regex.Pattern;

/** Cleans a contract's object text: control characters and "Objeto:" prefixes removed. */
public final class ObjectTextCleaner {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern PREFIX =
      Pattern.compile("^(?:(?i:objeto|objetivo)\\s*:\\s*)+", Pattern.UNICODE_CASE);

  private ObjectTextCleaner() {}

  /** The text without "Objeto: " prefixes (even doubled), control characters and extra spaces. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String noControl = CONTROL.matcher(text).replaceAll(" ");
    String singleSpaced = WHITESPACE.matcher(noControl).replaceAll(" ").strip();
    return PREFIX.matcher(singleSpaced).replaceFirst("").strip();
  }

  /** True if the text holds control characters other than tab and line breaks. */
  public static boolean hasControlCharacters(String text) {
    return text != null && CONTROL.matcher(text).find();
  }
}
