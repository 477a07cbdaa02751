package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ObjectTextCleanerTest {

  /** The cleaning rules as regular expressions, as first written: the reference. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern PREFIX =
      Pattern.compile("^(?:(?i:objeto|objetivo)\\s*:\\s*)+", Pattern.UNICODE_CASE);

  @Test
  void removesSingleAndDoubledPrefixes() {
    assertThat(ObjectTextCleaner.clean("Objeto: AQUISIÇÃO DE PAPEL"))
        .isEqualTo("AQUISIÇÃO DE PAPEL");
    assertThat(ObjectTextCleaner.clean("Objeto: OBJETO: SERVIÇOS")).isEqualTo("SERVIÇOS");
    assertThat(ObjectTextCleaner.clean("Objetivo: Prorrogação")).isEqualTo("Prorrogação");
    assertThat(ObjectTextCleaner.clean("AQUISIÇÃO, objeto: papel"))
        .isEqualTo("AQUISIÇÃO, objeto: papel");
  }

  @Test
  void replacesControlCharactersAndExtraSpaces() {
    assertThat(ObjectTextCleaner.clean("MÉDICO\u0002HOSPITALAR   E  LAB"))
        .isEqualTo("MÉDICO HOSPITALAR E LAB");
    assertThat(ObjectTextCleaner.hasControlCharacters("MÉDICO\u0002HOSPITALAR")).isTrue();
    assertThat(ObjectTextCleaner.hasControlCharacters("linha\tcom tab")).isFalse();
    assertThat(ObjectTextCleaner.clean(null)).isNull();
  }

  @Test
  void cleansEveryTextAsTheRegularExpressionsOfTheRulesDo() {
    String[] pieces = {
      "Objeto:",
      "OBJETIVO :",
      "objeto",
      "ObJeTo:",
      "OBJETO:",
      "objet",
      "ivo",
      "ıvo",
      "İVO",
      "o",
      "İ",
      "ı",
      "K",
      "x",
      "AQUISIÇÃO",
      "a",
      " ",
      "  ",
      "\t",
      "\n",
      "\r",
      "\u000b",
      "\f",
      "\u0001",
      "\u0002",
      "\u001f",
      "\u007f",
      "\u00a0",
      "\u2003",
      "\u3000",
      "\u0085",
      ":",
      ";",
      "é"
    };
    Random random = new Random(42);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int p = random.nextInt(8); p >= 0; p--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      assertThat(ObjectTextCleaner.clean(t)).as(t).isEqualTo(reference(t));
      assertThat(ObjectTextCleaner.hasControlCharacters(t))
          .as(t)
          .isEqualTo(CONTROL.matcher(t).find());
    }
  }

  private static String reference(String text) {
    String noControl = CONTROL.matcher(text).replaceAll(" ");
    String singleSpaced = WHITESPACE.matcher(noControl).replaceAll(" ").strip();
    return PREFIX.matcher(singleSpaced).replaceFirst("").strip();
  }
}
