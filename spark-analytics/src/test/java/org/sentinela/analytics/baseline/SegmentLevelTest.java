package org.sentinela.analytics.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void aBaselinesParentKeyIsTheNextLevelsKeyFromTheColumnsItHas() {
    // each level's baseline carries only its own columns: the macro level has no UF
    assertThat(baseline(SegmentLevel.UF_MODALITY_ORGAN, "RJ", "PREGAO", "26000").parentKey())
        .isEqualTo("uf=RJ|modality=PREGAO");
    assertThat(baseline(SegmentLevel.UF_MODALITY, "RJ", "PREGAO", null).parentKey())
        .isEqualTo("macro=SE|modality=PREGAO");
    assertThat(baseline(SegmentLevel.MACRO_MODALITY, null, "PREGAO", null).parentKey())
        .isEqualTo("modality=PREGAO");
    assertThat(baseline(SegmentLevel.MODALITY, null, "PREGAO", null).parentKey())
        .isEqualTo("national");
    assertThat(baseline(SegmentLevel.NATIONAL, null, null, null).parentKey()).isNull();
    assertThatThrownBy(() -> SegmentLevel.MACRO_MODALITY.segmentKey(null, "PREGAO", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("uf");
  }

  private static SegmentBaseline baseline(
      SegmentLevel level, String uf, String modality, String organ) {
    return new SegmentBaseline(
        level, "key", uf, modality, organ, 100, 10.0, 1.0, 6.0, 9.0, 11.0, 14.0);
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
