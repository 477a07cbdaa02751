package org.sentinela.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModalityTest {

  @Test
  void normalisesThePortalsModalities() {
    assertThat(Modality.normalise("Pregão - Registro de Preço"))
        .isEqualTo(Modality.PREGAO_REGISTRO_PRECO);
    assertThat(Modality.normalise("Pregão")).isEqualTo(Modality.PREGAO);
    assertThat(Modality.normalise("Dispensa de Licitação")).isEqualTo(Modality.DISPENSA);
    assertThat(Modality.normalise("Inexigibilidade de Licitação"))
        .isEqualTo(Modality.INEXIGIBILIDADE);
    assertThat(Modality.normalise("Sem Informação")).isEqualTo(Modality.NOT_INFORMED);
    assertThat(Modality.normalise("Tomada de Preços")).isEqualTo(Modality.TOMADA_DE_PRECOS);
    assertThat(Modality.normalise("Concorrência - Registro de Preço"))
        .isEqualTo(Modality.CONCORRENCIA_REGISTRO_PRECO);
    assertThat(Modality.normalise("Concorrência Internacional"))
        .isEqualTo(Modality.CONCORRENCIA_INTERNACIONAL);
    assertThat(Modality.normalise("Convite")).isEqualTo(Modality.CONVITE);
    assertThat(Modality.normalise("Concurso")).isEqualTo(Modality.CONCURSO);
  }

  @Test
  void normalisesLei14133NamesAndOddText() {
    assertThat(Modality.normalise("Pregão - Eletrônico")).isEqualTo(Modality.PREGAO);
    assertThat(Modality.normalise("DISPENSA")).isEqualTo(Modality.DISPENSA);
    assertThat(Modality.normalise("Diálogo Competitivo")).isEqualTo(Modality.DIALOGO_COMPETITIVO);
    assertThat(Modality.normalise("Leilão - Eletrônico")).isEqualTo(Modality.LEILAO);
    assertThat(Modality.normalise("Credenciamento")).isEqualTo(Modality.OTHER);
    assertThat(Modality.normalise(null)).isEqualTo(Modality.NOT_INFORMED);
  }
}
