package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResponseCacheSettingsTest {

  @Test
  void defaultsAre64MibAndOneSecond() {
    ResponseCacheSettings settings =
        ResponseCacheSettings.parse(
            ResponseCacheSettings.DEFAULT_MB, ResponseCacheSettings.DEFAULT_CHECK_MS);

    assertThat(settings.maxBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(settings.latestRunCheckMillis()).isEqualTo(1000);
  }

  @Test
  void zeroTurnsTheCacheOffOrChecksEveryRequest() {
    assertThat(ResponseCacheSettings.parse(" 0 ", "0")).isEqualTo(new ResponseCacheSettings(0, 0));
  }

  @Test
  void errorsNameTheVariableAndTheValue() {
    assertThatThrownBy(() -> ResponseCacheSettings.parse("lots", "1000"))
        .hasMessageContaining("SENTINELA_API_CACHE_MB")
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> ResponseCacheSettings.parse("64", "-5"))
        .hasMessageContaining("SENTINELA_API_LATEST_RUN_CHECK_MS")
        .hasMessageContaining("'-5'");
    assertThatThrownBy(() -> ResponseCacheSettings.parse("99999999", "1000"))
        .hasMessageContaining("SENTINELA_API_CACHE_MB")
        .hasMessageContaining("'99999999'");
  }
}
