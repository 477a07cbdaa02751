package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectTextCleanerTest {

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
}
