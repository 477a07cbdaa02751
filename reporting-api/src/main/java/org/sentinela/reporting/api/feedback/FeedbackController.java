package org.sentinela.reporting.api.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.sentinela.reporting.api.problem.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An analyst's verdict on a flag: {@code POST /api/v1/anomalies/{id}/feedback} with a bearer token.
 * 201 when the analyst had no verdict on the flag, 200 when it was changed or already as sent.
 *
 * <p>Checks, in order: a token is present and well formed (401), the id and the body (400), the
 * token is live (401), the body's analyst is the token's (403), the flag is in the latest published
 * run (404).
 */
@RestController
class FeedbackController {

  /** Largest body read; a verdict with the longest note is far smaller. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private static final Pattern ANOMALY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final FeedbackWriter writer;
  private final ObjectMapper json;

  FeedbackController(FeedbackWriter writer, ObjectMapper json) {
    this.writer = writer;
    this.json = json;
  }

  @PostMapping(
      path = "/api/v1/anomalies/{id}/feedback",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<FeedbackView> record(
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request)
      throws IOException {
    String token = BearerToken.from(authorization);
    if (!ANOMALY_ID.matcher(id).matches()) {
      throw new InvalidParameterException(
          "id", id, "must be an anomaly id (letters, digits, '.', '_', ':' or '-')");
    }
    FeedbackRequest verdict = FeedbackRequest.parse(body(request.getInputStream()), json);
    FeedbackWriter.Recorded recorded = writer.record(token, id, verdict);
    HttpStatus status =
        recorded.outcome() == FeedbackWriter.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
    return ResponseEntity.status(status).body(recorded.feedback());
  }

  private static byte[] body(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "The request body must be at most " + MAX_BODY_BYTES + " bytes.");
      problem.setTitle("Request body too large");
      throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
    }
    return body;
  }
}
