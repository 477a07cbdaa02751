package org.sentinela.analytics.detect;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Object texts ("Objeto") folded for comparison: no accents, upper case, punctuation and control
 * characters as spaces, single spaces, without the Portal's {@code "Objeto: "} prefix.
 */
public final class ObjectText {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{Alnum}]+");
  private static final String PREFIX = "OBJETO ";

  private ObjectText() {}

  /**
   * The folded text, e.g. {@code "Objeto: Aquisição de café;"} → {@code "AQUISICAO DE CAFE"}; an
   * empty string for null.
   */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String noAccents =
        MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    String folded = NOT_WORD.matcher(noAccents.toUpperCase(Locale.ROOT)).replaceAll(" ").strip();
    return folded.startsWith(PREFIX) ? folded.substring(PREFIX.length()) : folded;
  }

  /**
   * The first of {@code terms} (folded words or phrases) that occurs in {@code folded} as whole
   * words, if any.
   */
  public static Optional<String> firstTerm(String folded, List<String> terms) {
    String padded = " " + folded + " ";
    return terms.stream().filter(term -> padded.contains(" " + term + " ")).findFirst();
  }

  /** {@code folded} with every whole-word occurrence of {@code phrases} replaced by a space. */
  public static String without(String folded, List<String> phrases) {
    String padded = " " + folded + " ";
    for (String phrase : phrases) {
      String target = " " + phrase + " ";
      while (padded.contains(target)) {
        padded = padded.replace(target, " ");
      }
    }
    return padded.strip();
  }

  /** A comma-separated list of terms, each folded, empty entries dropped. */
  public static List<String> terms(String commaSeparated) {
    return Pattern.compile(",")
        .splitAsStream(commaSeparated)
        .map(ObjectText::fold)
        .filter(term -> !term.isEmpty())
        .toList();
  }
}
