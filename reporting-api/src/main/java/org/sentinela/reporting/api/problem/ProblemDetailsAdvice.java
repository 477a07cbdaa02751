package org.sentinela.reporting.api.problem;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 7807 problem detail ({@code application/problem+json}): Spring's own MVC
 * exceptions (404 for unknown paths, 405, …) through {@link ResponseEntityExceptionHandler}, type
 * mismatches and missing parameters as 400s that name the parameter, and anything unexpected as a
 * logged 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String parameter =
        ex instanceof MethodArgumentTypeMismatchException argument
            ? argument.getName()
            : ex.getPropertyName();
    String value = ex.getValue() == null ? null : String.valueOf(ex.getValue());
    ProblemDetail body =
        InvalidParameterException.problem(parameter, value, expectation(ex.getRequiredType()));
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Parameter '" + ex.getParameterName() + "' is required.");
    body.setTitle("Invalid request parameter");
    body.setProperty("parameter", ex.getParameterName());
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error while answering a request", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; the server log has the details.");
    problem.setTitle("Internal Server Error");
    return problem;
  }

  private static String expectation(Class<?> type) {
    if (type == null) {
      return "has an invalid value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "must be an integer";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    return "must be a valid " + type.getSimpleName();
  }
}
