package org.sentinela.reporting.api.anomaly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.sentinela.reporting.api.problem.InvalidParameterException;

/**
 * Where the next page of the anomaly list starts: after the row with this score and id, in the run
 * the previous page came from.
 *
 * <p>On the wire it is opaque: URL-safe base64 (no padding) of {@code
 * {"run":"…","score":"…","id":"…"}}, the score written with {@link Double#toString} so that it
 * parses back to the very same double and the keyset comparison is exact.
 */
record PageCursor(String runId, double score, String anomalyId) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LENGTH = 2048;
  private static final String RULE = "is not a cursor returned by this API";

  PageCursor {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(anomalyId, "anomalyId");
  }

  /** The cursor's wire form. */
  String encode() {
    try {
      byte[] json = JSON.writeValueAsBytes(new Wire(runId, Double.toString(score), anomalyId));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a page cursor", e);
    }
  }

  /**
   * Parses a cursor's wire form.
   *
   * @throws InvalidParameterException for anything this API did not produce
   */
  static PageCursor decode(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new InvalidParameterException("cursor", text, RULE);
    }
    try {
      byte[] json = Base64.getUrlDecoder().decode(text);
      Wire wire = JSON.readValue(new String(json, StandardCharsets.UTF_8), Wire.class);
      if (wire == null || wire.run() == null || wire.score() == null || wire.id() == null) {
        throw new InvalidParameterException("cursor", text, RULE);
      }
      return new PageCursor(wire.run(), Double.parseDouble(wire.score()), wire.id());
    } catch (IllegalArgumentException | IOException e) {
      throw new InvalidParameterException("cursor", text, RULE);
    }
  }

  private record Wire(String run, String score, String id) {}
}
