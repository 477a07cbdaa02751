package org.sentinela.ingest.region;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sentinela.model.MacroRegion;

/**
 * Explicit two-letter UF codes, trusted only where writers put a state: after {@code ESTADO}
 * ({@code "NO ESTADO DE RO"}), at the end after a separator ({@code "/BA"}, {@code "- PE"}, {@code
 * "IPHAN-SP"}, {@code "SR(CE)"}), at the end after a preposition or a compass word ({@code "EM
 * MG"}, {@code "NO R.J."}, {@code "LESTE RR"}), after a preposition and before a separator ({@code
 * "INST.FED.DO RN/CAMPUS"}) or before {@code "/CAMPUS"}. A code in the middle of a name ({@code
 * "MDR/SE/SAD"}) is ignored. In a name the Portal may have cut, a final code after a preposition
 * counts only if no common word starts with it ({@code "...DA AL"} may be {@code "...DA
 * ALIMENTACAO"}, {@code "...EM MG"} cannot be anything else).
 *
 * <p>Some acronyms are UF codes too: MS (Ministério da Saúde), PR (Presidência da República), and
 * in Army unit names AP (autopropulsado, {@code "3 GRUPO DE ARTILHARIA DE CAMPANHA/AP"}) and ES
 * (escola, {@code "57 BATALHAO DE INFANTARIA MOTORIZADO (ES)"}). When the organ says so, those
 * codes are not read as states except after {@code ESTADO}, and in a pair such as {@code "MS/MA"}
 * the other code wins. Other pairs ({@code "MG/ES"}, {@code "GO/DF"}) name units that serve two
 * states; the first, by convention the seat, is taken at a low confidence.
 */
final class UfCodeRules {

  private static final String UF =
      "(AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)";
  private static final String PREPOSITION = "(?:DE|DO|DA|EM|NO|NA)";

  private static final Pattern AFTER_ESTADO =
      Pattern.compile("\\bEST(?:ADOS?)? (?:(?:DE|DO|DA) )?" + UF + "(?: ?/ ?" + UF + ")?\\b");
  private static final Pattern PAIR_AT_END =
      Pattern.compile("(?:^|[ /(\\-])" + UF + " ?[/-] ?" + UF + "\\)?$");
  private static final Pattern AFTER_SEPARATOR_AT_END = Pattern.compile("[/(\\-] ?" + UF + "\\)?$");
  private static final Pattern AFTER_PREPOSITION_AT_END =
      Pattern.compile("\\b(?:" + PREPOSITION + "|NORTE|SUL|LESTE|OESTE|CENTRO) " + UF + "$");
  private static final Pattern AFTER_PREPOSITION_BEFORE_SEPARATOR =
      Pattern.compile("\\b" + PREPOSITION + " " + UF + " ?(?:/|- )");
  private static final Pattern BEFORE_CAMPUS = Pattern.compile("\\b" + UF + " ?/ ?CAMPUS\\b");
  private static final Pattern IN_PARENTHESES = Pattern.compile("\\(" + UF + "(?:\\)|/| |$)");
  private static final Pattern RIO_DE_JANEIRO_INITIALS =
      Pattern.compile("\\b" + PREPOSITION + " R J$");

  /** The longest text the patterns anchored at the end can match ({@code " PR / SC)"}: 9). */
  private static final int LONGEST_MATCH_AT_END = 12;

  /** UF codes that are also the first two letters of common words (ALimentos, SEgurança…). */
  private static final Set<String> CODES_THAT_START_WORDS =
      Set.of(
          "AC", "AL", "AP", "AM", "BA", "CE", "ES", "GO", "MA", "PA", "PE", "PI", "RO", "SE", "TO");

  private UfCodeRules() {}

  /**
   * The UF codes found in trusted positions.
   *
   * @param ministryAcronyms UF codes that the organ context says mean something else
   */
  static List<Evidence> find(NormalizedText text, Set<String> ministryAcronyms) {
    if (!mentionsUfCode(text)) {
      return List.of();
    }
    String s = text.punctuated();
    List<Evidence> found = new ArrayList<>();
    double confidence =
        text.possiblyTruncated() ? Rules.UF_CODE_TRUNCATED_CONFIDENCE : Rules.UF_CODE_CONFIDENCE;

    if (startsWord(s, "EST")) {
      Matcher estado = AFTER_ESTADO.matcher(s);
      while (estado.find()) {
        found.add(pair(estado.group(1), estado.group(2), Set.of(), Rules.UF_CODE_CONFIDENCE));
      }
    }
    char last = s.charAt(s.length() - 1);
    boolean mayEndWithCode = isLetter(last) || last == ')';
    boolean hasSlashOrDash = s.indexOf('/') >= 0 || s.indexOf('-') >= 0;
    if (mayEndWithCode && (hasSlashOrDash || s.indexOf('(') >= 0)) {
      Matcher pair = atEnd(PAIR_AT_END, s);
      if (hasSlashOrDash && pair.find()) {
        found.add(pair(pair.group(1), pair.group(2), ministryAcronyms, confidence));
      } else {
        addIfState(found, atEnd(AFTER_SEPARATOR_AT_END, s), ministryAcronyms, confidence);
      }
    }
    if (isLetter(last) && endsWithUfCode(s)) {
      Set<String> notAfterPreposition = ministryAcronyms;
      if (text.possiblyTruncated()) {
        // "...DA AL" may be "...DA ALIMENTACAO" cut short; only codes no word starts with count.
        notAfterPreposition = new HashSet<>(ministryAcronyms);
        notAfterPreposition.addAll(CODES_THAT_START_WORDS);
      }
      addIfState(found, atEnd(AFTER_PREPOSITION_AT_END, s), notAfterPreposition, confidence);
    }
    if (hasSlashOrDash && ufCodeBeforeSeparator(s)) {
      addIfState(
          found, AFTER_PREPOSITION_BEFORE_SEPARATOR.matcher(s), ministryAcronyms, confidence);
    }
    if (s.contains("CAMPUS")) {
      addIfState(found, BEFORE_CAMPUS.matcher(s), ministryAcronyms, confidence);
    }
    if (s.indexOf('(') >= 0) {
      addIfState(found, IN_PARENTHESES.matcher(s), ministryAcronyms, confidence);
    }
    if (s.endsWith(" R J") && RIO_DE_JANEIRO_INITIALS.matcher(s).find()) {
      found.add(new Evidence("RJ", null, Rules.UF_CODE, confidence));
    }
    found.removeIf(e -> e == null);
    return found;
  }

  /** Cheap test before the patterns: is any word a UF code (or the J of "R.J.")? */
  private static boolean mentionsUfCode(NormalizedText text) {
    for (NormalizedText.Token token : text.tokens()) {
      if (MacroRegion.isUf(token.text()) || token.text().equals("J")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A matcher for a pattern anchored at the end of {@code s} that matches at most {@value
   * #LONGEST_MATCH_AT_END} characters: it searches the tail only, seeing the text before it for
   * {@code \b}, so it finds what a search of the whole text finds.
   */
  private static Matcher atEnd(Pattern pattern, String s) {
    return pattern
        .matcher(s)
        .region(Math.max(0, s.length() - LONGEST_MATCH_AT_END), s.length())
        .useTransparentBounds(true)
        .useAnchoringBounds(false);
  }

  /** True if {@code word} starts a word of {@code s} (what a pattern opening with it needs). */
  private static boolean startsWord(String s, String word) {
    for (int at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
      if (at == 0 || !NormalizedText.isWordChar(s.charAt(at - 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if a UF code, after a space, comes right before {@code /} or {@code "- "}, maybe with a
   * space between (what {@link #AFTER_PREPOSITION_BEFORE_SEPARATOR} needs).
   */
  private static boolean ufCodeBeforeSeparator(String s) {
    for (int at = 0; at < s.length(); at++) {
      char c = s.charAt(at);
      boolean separator = c == '/' || (c == '-' && at + 1 < s.length() && s.charAt(at + 1) == ' ');
      if (separator) {
        int end = at > 0 && s.charAt(at - 1) == ' ' ? at - 1 : at;
        if (end >= 3 && s.charAt(end - 3) == ' ' && MacroRegion.isUf(s.substring(end - 2, end))) {
          return true;
        }
      }
    }
    return false;
  }

  /** True if the last word of {@code s} is a UF code (what a code at the end needs). */
  private static boolean endsWithUfCode(String s) {
    int n = s.length();
    return n >= 2 && MacroRegion.isUf(s.substring(n - 2)) && (n == 2 || !isLetter(s.charAt(n - 3)));
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static void addIfState(
      List<Evidence> found, Matcher m, Set<String> ministryAcronyms, double confidence) {
    while (m.find()) {
      String code = m.group(1);
      if (!ministryAcronyms.contains(code)) {
        found.add(new Evidence(code, null, Rules.UF_CODE, confidence));
      }
    }
  }

  private static Evidence pair(
      String first, String second, Set<String> ministryAcronyms, double confidence) {
    if (second == null) {
      return ministryAcronyms.contains(first)
          ? null
          : new Evidence(first, null, Rules.UF_CODE, confidence);
    }
    if (second.equals(first)) {
      return new Evidence(first, null, Rules.UF_CODE, confidence); // "MS/MS": ministry, state
    }
    boolean firstIsMinistry = ministryAcronyms.contains(first);
    boolean secondIsMinistry = ministryAcronyms.contains(second);
    if (firstIsMinistry && !secondIsMinistry) {
      return new Evidence(second, null, Rules.UF_CODE, confidence);
    }
    if (secondIsMinistry && !firstIsMinistry) {
      return new Evidence(first, null, Rules.UF_CODE, confidence);
    }
    if (firstIsMinistry) {
      return null;
    }
    return new Evidence(first, null, Rules.UF_CODE_MULTI, Rules.UF_CODE_MULTI_CONFIDENCE);
  }
}
