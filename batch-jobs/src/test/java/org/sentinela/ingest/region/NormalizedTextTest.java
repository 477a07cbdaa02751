package org.sentinela.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizedTextTest {

  @Test
  void foldsAccentsCaseAndOrdinals() {
    assertThat(NormalizedText.fold("Ação São João, 8º e 4ª")).isEqualTo("ACAO SAO JOAO, 8O E 4A");
    assertThat(NormalizedText.fold("Açaí ü ß Æ")).isEqualTo("ACAI U SS AE");
  }

  @Test
  void readsAZeroInsideAWordAsTheLetterO() {
    assertThat(NormalizedText.fold("MATO GROSS0 DO SUL")).isEqualTo("MATO GROSSO DO SUL");
    assertThat(NormalizedText.fold("MAT0 GROSSO 2021 SR10")).isEqualTo("MATO GROSSO 2021 SR10");
    assertThat(NormalizedText.fold("REGIAO 10")).isEqualTo("REGIAO 10");
  }

  @Test
  void keepsSeparatorsAndCollapsesSpaces() {
    NormalizedText t = NormalizedText.of("INST.FED.DO  RN/CAMPUS   MOSSORO - (sede)");
    assertThat(t.punctuated()).isEqualTo("INST FED DO RN/CAMPUS MOSSORO - (SEDE)");
    assertThat(t.tokens())
        .extracting(NormalizedText.Token::text)
        .containsExactly("INST", "FED", "DO", "RN", "CAMPUS", "MOSSORO", "SEDE");
  }

  @Test
  void punctuationRunsBecomeOneSpaceAndVanishAtTheEnds() {
    assertThat(NormalizedText.of("  - unidade\tregional.../ sp -  ").punctuated())
        .isEqualTo("- UNIDADE REGIONAL / SP -");
    assertThat(NormalizedText.of("SR(CE)").punctuated()).isEqualTo("SR(CE)");
    assertThat(NormalizedText.of("S.J.DEL-REI, 8º").punctuated()).isEqualTo("S J DEL-REI 8O");
    assertThat(NormalizedText.of("Delegacia – SP").punctuated()).isEqualTo("DELEGACIA SP");
    assertThat(NormalizedText.of(" .,; ").punctuated()).isEmpty();
  }

  @Test
  void tokensRememberSeparatorsAndAbbreviationDots() {
    NormalizedText t = NormalizedText.of("GOV. MANGABEIRA/CAMPUS X");
    assertThat(t.tokens().get(0).abbreviated()).isTrue();
    assertThat(t.tokens().get(1).abbreviated()).isFalse();
    assertThat(t.tokens().get(2).afterSeparator()).isTrue();
    assertThat(t.tokens().get(1).afterSeparator()).isFalse();
  }

  @Test
  void flagsTextsAsLongAsThePortalField() {
    assertThat(NormalizedText.of("A".repeat(44)).possiblyTruncated()).isFalse();
    assertThat(NormalizedText.of("A".repeat(45)).possiblyTruncated()).isTrue();
    assertThat(
            NormalizedText.of("Fundação Universidade Federal do Mato Grosso ").possiblyTruncated())
        .isTrue();
  }

  @Test
  void blankIsEmpty() {
    assertThat(NormalizedText.of(null).isEmpty()).isTrue();
    assertThat(NormalizedText.of(" - / ").isEmpty()).isTrue();
  }

  @Test
  void contentWordsDropConnectors() {
    assertThat(NormalizedText.contentWords("Santana do Livramento"))
        .containsExactly("SANTANA", "LIVRAMENTO");
    assertThat(NormalizedText.contentWords("Olhos d'Água")).containsExactly("OLHOS", "AGUA");
  }
}
