package org.sentinela.ingest;

import java.util.Objects;

/** Thrown by a normaliser for a record that must go to quarantine; the step skips it. */
public class RecordRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RejectionReason reason;

  public RecordRejectedException(RejectionReason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectionReason reason() {
    return reason;
  }
}
