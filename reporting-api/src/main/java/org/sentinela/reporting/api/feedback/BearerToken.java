package org.sentinela.reporting.api.feedback;

import org.sentinela.reporting.db.ApiTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The token of an {@code Authorization: Bearer <token>} header (RFC 6750). A missing or malformed
 * header is a 401 before anything reads the database; the token itself is never echoed.
 */
final class BearerToken {

  private static final String SCHEME = "Bearer ";

  private BearerToken() {}

  /**
   * The token in {@code header}, if it has the shape of a token {@code sentinela token create}
   * makes.
   *
   * @throws Unauthorized when the header is missing or holds no such token
   */
  static String from(String header) {
    if (header == null || header.isBlank()) {
      throw new Unauthorized(
          null,
          "This request needs an analyst's token: send 'Authorization: Bearer <token>' (an"
              + " operator creates one with 'scripts/sentinela token create --analyst NAME').");
    }
    if (header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw new Unauthorized(
          "invalid_request", "The Authorization header must be 'Bearer <token>'.");
    }
    String token = header.substring(SCHEME.length()).strip();
    if (!ApiTokens.wellFormed(token)) {
      throw invalid();
    }
    return token;
  }

  /** The 401 for a token that is unknown, revoked or malformed. */
  static Unauthorized invalid() {
    return new Unauthorized("invalid_token", "The token is not valid (unknown or revoked).");
  }

  /** A 401 problem detail with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
  static final class Unauthorized extends ErrorResponseException {

    Unauthorized(String error, String detail) {
      super(HttpStatus.UNAUTHORIZED, problem(detail), null);
      getHeaders()
          .set(
              HttpHeaders.WWW_AUTHENTICATE,
              "Bearer realm=\"sentinela\"" + (error == null ? "" : ", error=\"" + error + "\""));
    }

    private static ProblemDetail problem(String detail) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
      problem.setTitle("Unauthorized");
      return problem;
    }
  }
}
