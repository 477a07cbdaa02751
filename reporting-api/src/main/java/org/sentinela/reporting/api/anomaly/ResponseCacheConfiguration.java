package org.sentinela.reporting.api.anomaly;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads {@link ResponseCacheSettings} from the environment, with its defaults. */
@Configuration
class ResponseCacheConfiguration {

  @Bean
  ResponseCacheSettings responseCacheSettings(
      @Value(
              "${"
                  + ResponseCacheSettings.SIZE_VARIABLE
                  + ":"
                  + ResponseCacheSettings.DEFAULT_MB
                  + "}")
          String megabytes,
      @Value(
              "${"
                  + ResponseCacheSettings.CHECK_VARIABLE
                  + ":"
                  + ResponseCacheSettings.DEFAULT_CHECK_MS
                  + "}")
          String checkMillis) {
    return ResponseCacheSettings.parse(megabytes, checkMillis);
  }
}
