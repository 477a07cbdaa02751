package org.sentinela.reporting.api.param;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters and headers a handler reads itself ({@link QueryParameters}) instead of
 * declaring them as arguments, so that the OpenAPI description can still be checked against it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadsParameters {

  /** Names of the query parameters the handler reads. */
  String[] query();

  /** Names of the request headers the handler reads. */
  String[] headers() default {};
}
