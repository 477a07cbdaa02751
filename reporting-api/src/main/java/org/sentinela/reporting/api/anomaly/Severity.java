package org.sentinela.reporting.api.anomaly;

/** How strongly a detector flags a contract, as stored in {@code anomalies.severity}. */
enum Severity {
  LOW,
  MEDIUM,
  HIGH
}
