package org.sentinela.reporting.api.feedback;

/** An analyst's verdict on a flag, as stored in {@code feedback.verdict}. */
enum Verdict {
  /** The flag points at a real irregularity. */
  CONFIRMED,
  /** The flag is wrong: nothing irregular. */
  DISMISSED,
  /** Unusual but known and justified (e.g. a large works contract). */
  EXPECTED
}
