package org.sentinela.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentLevelTest {

  @Test
  void segmentKeysNameTheirLevelsParts() {
    assertThat(SegmentLevel.UF_MODALITY_ORGAN.segmentKey("RJ", "PREGAO", "26000"))
        .isEqualTo("uf=RJ|modality=PREGAO|organ=26000");
    assertThat(SegmentLevel.UF_MODALITY_ORGAN.segmentKey("RJ", "PREGAO", null))
        .isEqualTo("uf=RJ|modality=PREGAO|organ=(none)");
    assertThat(SegmentLevel.UF_MODALITY.segmentKey("RJ", "PREGAO", "26000"))
        .isEqualTo("uf=RJ|modality=PREGAO");
    assertThat(SegmentLevel.MACRO_MODALITY.segmentKey("RJ", "PREGAO", "26000"))
        .isEqualTo("macro=SE|modality=PREGAO");
    assertThat(SegmentLevel.MACRO_MODALITY.segmentKey("BR", "DISPENSA", null))
        .isEqualTo("macro=BR|modality=DISPENSA");
    assertThat(SegmentLevel.MODALITY.segmentKey("RJ", "PREGAO", "26000"))
        .isEqualTo("modality=PREGAO");
    assertThat(SegmentLevel.NATIONAL.segmentKey("RJ", "PREGAO", "26000")).isEqualTo("national");
  }

  @Test
  void descriptionsReadAsEnglish() {
    assertThat(SegmentLevel.UF_MODALITY_ORGAN.describe("RJ", "PREGAO", "26000"))
        .isEqualTo("UF=RJ × PREGAO × organ 26000");
    assertThat(SegmentLevel.MACRO_MODALITY.describe("BA", "DISPENSA", null))
        .isEqualTo("region NE × DISPENSA");
    assertThat(SegmentLevel.MODALITY.describe("BA", "DISPENSA", null))
        .isEqualTo("DISPENSA nationwide");
  }
}
