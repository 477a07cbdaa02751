package org.sentinela.reporting.api.anomaly;

/**
 * How the anomaly list caches its serialized pages: at most {@code maxBytes} of responses (0 turns
 * the cache off), and the latest published run re-read at most once per {@code
 * latestRunCheckMillis} (0: on every request).
 */
record ResponseCacheSettings(long maxBytes, long latestRunCheckMillis) {

  static final String SIZE_VARIABLE = "SENTINELA_API_CACHE_MB";
  static final String CHECK_VARIABLE = "SENTINELA_API_LATEST_RUN_CHECK_MS";
  static final String DEFAULT_MB = "64";
  static final String DEFAULT_CHECK_MS = "1000";

  private static final long MAX_MB = 64 * 1024;
  private static final long MAX_CHECK_MS = 3_600_000;

  ResponseCacheSettings {
    if (maxBytes < 0 || maxBytes > MAX_MB * 1024 * 1024) {
      throw new IllegalArgumentException(
          SIZE_VARIABLE + " must be between 0 and " + MAX_MB + " MiB, got " + maxBytes + " bytes");
    }
    if (latestRunCheckMillis < 0 || latestRunCheckMillis > MAX_CHECK_MS) {
      throw new IllegalArgumentException(
          CHECK_VARIABLE
              + " must be between 0 and "
              + MAX_CHECK_MS
              + " ms, got '"
              + latestRunCheckMillis
              + "'");
    }
  }

  /**
   * Parses the two settings as given in the environment.
   *
   * @throws IllegalArgumentException naming the variable and its value when one is not a whole
   *     number in range
   */
  static ResponseCacheSettings parse(String megabytes, String checkMillis) {
    long mb = number(SIZE_VARIABLE, megabytes, MAX_MB);
    long ms = number(CHECK_VARIABLE, checkMillis, MAX_CHECK_MS);
    return new ResponseCacheSettings(mb * 1024 * 1024, ms);
  }

  private static long number(String variable, String value, long max) {
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed >= 0 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the variable's name
    }
    throw new IllegalArgumentException(
        variable + " must be a whole number between 0 and " + max + ", got '" + value + "'");
  }
}
