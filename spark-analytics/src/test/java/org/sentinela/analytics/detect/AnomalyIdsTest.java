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
}
