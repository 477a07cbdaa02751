package org.sentinela.reporting.api.anomaly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The id of the latest published run, re-read from the database at most once per {@link
 * ResponseCacheSettings#latestRunCheckMillis} (and sooner when a page shows a newer run), so that a
 * cached page is never served for a run that was superseded longer ago than that.
 */
@Component
class LatestRunWatch {

  /** The run id of "nothing published yet". */
  static final String NONE = "";

  private final JdbcClient jdbc;
  private final long intervalNanos;
  private volatile String latest;
  private volatile long checkedAt;

  LatestRunWatch(JdbcClient jdbc, ResponseCacheSettings settings) {
    this.jdbc = jdbc;
    this.intervalNanos = settings.latestRunCheckMillis() * 1_000_000;
  }

  /** The latest published run's id ({@link #NONE} when none), at most the interval old. */
  String latest() {
    String known = latest;
    if (known != null && System.nanoTime() - checkedAt < intervalNanos) {
      return known;
    }
    return refresh();
  }

  /**
   * Records the latest run as a query just saw it.
   *
   * @return whether it differs from the one known before
   */
  synchronized boolean observe(String runId) {
    boolean changed = !runId.equals(latest);
    latest = runId;
    checkedAt = System.nanoTime();
    return changed;
  }

  private synchronized String refresh() {
    if (latest != null && System.nanoTime() - checkedAt < intervalNanos) {
      return latest;
    }
    String read =
        jdbc.sql("select run_id from latest_published_run")
            .query(String.class)
            .optional()
            .orElse(NONE);
    observe(read);
    return read;
  }
}
