package org.sentinela.reporting.api.anomaly;

import java.util.List;
import java.util.Objects;
import org.sentinela.reporting.api.paging.KeysetCursor;

/**
 * Where the next page of the anomaly list starts: after the row with this score and id, in the run
 * the previous page came from, for the filters with this fingerprint ({@link
 * AnomalyFilter#fingerprint}).
 *
 * <p>On the wire it is a {@link KeysetCursor} whose sort key is {@code [score, anomaly_id]}, the
 * score written with {@link Double#toString} so that it parses back to the very same double and the
 * keyset comparison is exact.
 */
record PageCursor(String runId, String filters, double score, String anomalyId) {

  PageCursor {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(anomalyId, "anomalyId");
  }

  /** The cursor's wire form. */
  String encode() {
    return new KeysetCursor(runId, filters, List.of(Double.toString(score), anomalyId)).encode();
  }

  /**
   * Parses a cursor's wire form.
   *
   * @throws org.sentinela.reporting.api.problem.InvalidParameterException for anything this API did
   *     not produce
   */
  static PageCursor decode(String text) {
    KeysetCursor cursor = KeysetCursor.decode(text, 2);
    double score;
    try {
      score = Double.parseDouble(cursor.after().get(0));
    } catch (NumberFormatException e) {
      throw KeysetCursor.invalid(text);
    }
    if (Double.isNaN(score)) {
      throw KeysetCursor.invalid(text);
    }
    return new PageCursor(cursor.run(), cursor.filters(), score, cursor.after().get(1));
  }
}
