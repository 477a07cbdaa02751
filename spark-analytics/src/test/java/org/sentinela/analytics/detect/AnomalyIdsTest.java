package org.sentinela.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnomalyIdsTest {

  private static final String KEY = "153000|00001/2022|12345678000195";

  @Test
  void isTheFirst32HexCharactersOfSha256OfDetectorAndKey() {
    // printf 'VALUE_OUTLIER|153000|00001/2022|12345678000195' | sha256sum | cut -c1-32
    assertThat(AnomalyIds.of("VALUE_OUTLIER", KEY)).isEqualTo("5408ff076b11331bf1c21ab705a397f3");
  }

  @Test
  void sameContractAndDetectorGiveTheSameIdEveryTime() {
    assertThat(AnomalyIds.of("VALUE_OUTLIER", KEY)).isEqualTo(AnomalyIds.of("VALUE_OUTLIER", KEY));
  }

  @Test
  void differsByDetectorAndByContract() {
    assertThat(AnomalyIds.of("VALUE_OUTLIER", KEY))
        .isNotEqualTo(AnomalyIds.of("SPLIT_CONTRACT", KEY))
        .isNotEqualTo(AnomalyIds.of("VALUE_OUTLIER", KEY + "0"))
        .matches("[0-9a-f]{32}");
  }

  @Test
  void aUnitYearFindingIsKeyedByUnitYearAndQualifier() {
    // printf 'BUNCHING|unit=158001|year=2022|ART75_II' | sha256sum | cut -c1-32
    assertThat(AnomalyIds.ofUnitYear("BUNCHING", "158001", 2022, "ART75_II"))
        .isEqualTo("1e56684375d7f3fb0164219d146eda33")
        .isNotEqualTo(AnomalyIds.ofUnitYear("BUNCHING", "158001", 2021, "ART75_II"))
        .isNotEqualTo(AnomalyIds.ofUnitYear("BUNCHING", "158001", 2022, "ART24_II"));
  }
}
