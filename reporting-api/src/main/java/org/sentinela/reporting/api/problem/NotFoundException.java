package org.sentinela.reporting.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Something the request names does not exist: a 404 problem detail with a title, a detail and one
 * property naming what was looked up (e.g. {@code run_id}).
 */
public class NotFoundException extends ErrorResponseException {

  /**
   * @param title e.g. {@code "Run not found"}
   * @param detail e.g. {@code "No run 'x'."}
   * @param property the property naming the key, e.g. {@code run_id}
   * @param value the key as it may be shown (masked when it is a person's CPF)
   */
  public NotFoundException(String title, String detail, String property, String value) {
    this(title, detail, property, value, null);
  }

  /** As above, with the {@code instance} set explicitly (e.g. a path with a CPF masked). */
  public NotFoundException(
      String title, String detail, String property, String value, URI instance) {
    super(HttpStatus.NOT_FOUND, problem(title, detail, property, value, instance), null);
  }

  /** Names the request parameter that held the missing key, e.g. {@code run}. */
  public NotFoundException parameter(String name) {
    getBody().setProperty("parameter", name);
    return this;
  }

  private static ProblemDetail problem(
      String title, String detail, String property, String value, URI instance) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setTitle(title);
    problem.setProperty(property, value);
    if (instance != null) {
      problem.setInstance(instance);
    }
    return problem;
  }
}
