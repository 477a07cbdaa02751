package org.sentinela.reporting.api.feedback;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The API's database login may not act as {@code sentinela_feedback_writer}, so it cannot record
 * verdicts: a 503. The server log says which grant is missing; the answer does not name the login.
 */
class FeedbackUnavailableException extends ErrorResponseException {

  FeedbackUnavailableException() {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "This API is not set up to record verdicts; the server log says what is missing.");
    problem.setTitle("Feedback unavailable");
    return problem;
  }
}
