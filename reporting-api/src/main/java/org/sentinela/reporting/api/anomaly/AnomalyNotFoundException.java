package org.sentinela.reporting.api.anomaly;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No anomaly with the requested id in the latest published run: a 404. */
class AnomalyNotFoundException extends ErrorResponseException {

  AnomalyNotFoundException(String anomalyId) {
    super(HttpStatus.NOT_FOUND, problem(anomalyId), null);
  }

  private static ProblemDetail problem(String anomalyId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No anomaly '" + anomalyId + "' in the latest published run.");
    problem.setTitle("Anomaly not found");
    problem.setProperty("anomaly_id", anomalyId);
    return problem;
  }
}
