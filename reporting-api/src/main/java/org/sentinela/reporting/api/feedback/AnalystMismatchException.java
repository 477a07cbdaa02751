package org.sentinela.reporting.api.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The body names another analyst than the token's: a 403, since a token records verdicts for its
 * own analyst only.
 */
class AnalystMismatchException extends ErrorResponseException {

  AnalystMismatchException(String tokenAnalyst) {
    super(HttpStatus.FORBIDDEN, problem(tokenAnalyst), null);
  }

  private static ProblemDetail problem(String tokenAnalyst) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "This token records verdicts for analyst '"
                + tokenAnalyst
                + "' only; leave out 'analyst' or send '"
                + tokenAnalyst
                + "'.");
    problem.setTitle("Forbidden");
    problem.setProperty("field", "analyst");
    return problem;
  }
}
