package org.sentinela.reporting.api.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter with a value the API cannot use: answered as a 400 problem detail that names
 * the parameter ({@code parameter}) and echoes the value ({@code value}).
 */
public class InvalidParameterException extends ErrorResponseException {

  /** Longest part of a rejected value echoed back. */
  static final int ECHO_LIMIT = 100;

  /**
   * @param parameter the parameter's name as the client sent it
   * @param value the rejected value, as sent
   * @param expectation what a valid value looks like, completing "Parameter 'x' …", e.g. {@code
   *     "must be between 1 and 500"}
   */
  public InvalidParameterException(String parameter, String value, String expectation) {
    super(HttpStatus.BAD_REQUEST, problem(parameter, value, expectation), null);
  }

  /** The 400 problem detail for a rejected parameter value. */
  public static ProblemDetail problem(String parameter, String value, String expectation) {
    String shown = echo(value);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "Parameter '" + parameter + "' " + expectation + ", got '" + shown + "'.");
    problem.setTitle("Invalid request parameter");
    problem.setProperty("parameter", parameter);
    problem.setProperty("value", shown);
    return problem;
  }

  private static String echo(String value) {
    if (value == null) {
      return "";
    }
    return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "…";
  }
}
