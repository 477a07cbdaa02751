package org.sentinela.analytics;

/** A failure the operator can fix; its message says what and how. No stack trace is printed. */
public final class AnalysisFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AnalysisFailure(String message) {
    super(message);
  }

  public AnalysisFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
