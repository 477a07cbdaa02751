package org.sentinela.reporting.api.param;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.sentinela.reporting.api.problem.InvalidParameterException;

/**
 * A request's query parameters read straight from the servlet request: for hot endpoints, where
 * Spring's per-parameter binding ({@code @RequestParam}: a data binder, a type descriptor and
 * reflective parameter names for each parameter of each request) cost more CPU than the answer.
 */
public final class QueryParameters {

  private final Map<String, String[]> values;

  private QueryParameters(Map<String, String[]> values) {
    this.values = values;
  }

  /** The query parameters of {@code request}. */
  public static QueryParameters of(HttpServletRequest request) {
    return new QueryParameters(request.getParameterMap());
  }

  /**
   * The value of {@code name} as sent ({@code null} when absent).
   *
   * @throws InvalidParameterException when the parameter is given more than once
   */
  public String text(String name) {
    String[] given = values.get(name);
    if (given == null || given.length == 0) {
      return null;
    }
    if (given.length > 1) {
      throw new InvalidParameterException(name, String.join(",", given), "must be given once");
    }
    return given[0];
  }

  /**
   * The integer value of {@code name}, or {@code defaultValue} when absent or empty.
   *
   * @throws InvalidParameterException when the value is not an integer or is given twice
   */
  public int integer(String name, int defaultValue) {
    String value = text(name);
    if (value == null || value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, value, "must be an integer");
    }
  }
}
