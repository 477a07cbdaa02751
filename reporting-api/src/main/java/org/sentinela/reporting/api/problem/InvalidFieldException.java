package org.sentinela.reporting.api.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request body with a field the API cannot use: a 400 problem detail that names the field ({@code
 * field}) and echoes the value ({@code value}, first 100 characters).
 */
public class InvalidFieldException extends ErrorResponseException {

  /**
   * @param field the JSON field's name, or {@code null} when the body as a whole is wrong
   * @param value the rejected value as text, or {@code null}
   * @param expectation what a valid value looks like, completing "Field 'x' …", e.g. {@code "must
   *     be one of confirmed, dismissed, expected"}
   */
  public InvalidFieldException(String field, String value, String expectation) {
    super(HttpStatus.BAD_REQUEST, problem(field, value, expectation), null);
  }

  private static ProblemDetail problem(String field, String value, String expectation) {
    String subject = field == null ? "The request body" : "Field '" + field + "'";
    String detail =
        subject + " " + expectation + (value == null ? "." : ", got '" + echo(value) + "'.");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request body");
    if (field != null) {
      problem.setProperty("field", field);
    }
    if (value != null) {
      problem.setProperty("value", echo(value));
    }
    return problem;
  }

  private static String echo(String value) {
    return value.length() <= InvalidParameterException.ECHO_LIMIT
        ? value
        : value.substring(0, InvalidParameterException.ECHO_LIMIT) + "…";
  }
}
