package org.sentinela.reporting.api.paging;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A cursor from a run that is no longer the latest published one: a 409, since continuing would mix
 * two nights' results in one listing.
 */
public class StaleCursorException extends ErrorResponseException {

  public StaleCursorException(String cursorRun, String latestRun) {
    super(HttpStatus.CONFLICT, problem(cursorRun, latestRun), null);
  }

  private static ProblemDetail problem(String cursorRun, String latestRun) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The cursor belongs to run '"
                + cursorRun
                + "', but the latest published run is now '"
                + latestRun
                + "'. Start again without a cursor.");
    problem.setTitle("Published run changed");
    problem.setProperty("parameter", "cursor");
    problem.setProperty("latest_run_id", latestRun);
    return problem;
  }
}
