package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectTextTest {

  @Test
  void foldingDropsAccentsCasePunctuationControlCharactersAndThePrefix() {
    assertThat(ObjectText.fold("Objeto: Aquisição de  café;\u0007 lote-1"))
        .isEqualTo("AQUISICAO DE CAFE LOTE 1");
    assertThat(ObjectText.fold(null)).isEmpty();
    assertThat(ObjectText.fold("Objetos diversos")).isEqualTo("OBJETOS DIVERSOS");
  }

  @Test
  void termsMatchWholeWordsOnly() {
    List<String> terms = ObjectText.terms("reforma, Reformas,,");

    assertThat(terms).containsExactly("REFORMA", "REFORMAS");
    assertThat(ObjectText.firstTerm("REFORMA DO BLOCO B", terms)).contains("REFORMA");
    assertThat(ObjectText.firstTerm("PNEUS REFORMADOS", terms)).isEmpty();
    assertThat(ObjectText.without("LIMPEZA COM MAO DE OBRA E OBRA", List.of("MAO DE OBRA")))
        .isEqualTo("LIMPEZA COM E OBRA");
  }
}
