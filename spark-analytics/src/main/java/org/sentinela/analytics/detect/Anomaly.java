package org.sentinela.analytics.detect;

import java.util.Objects;
import org.sentinela.analytics.significance.PValues;
import org.sentinela.analytics.significance.Severity;

/**
 * One row of the {@code anomalies} table (without its run id): a contract, a finding, and the
 * finding's significance in its night.
 *
 * @param contract the contract
 * @param finding what the detector found
 * @param qValue the Benjamini–Hochberg q-value across the night, at least the p-value
 * @param severity the band of the q-value, raised by a legal-rule finding's excess ({@link
 *     Severity})
 */
public record Anomaly(ContractDetails contract, Finding finding, double qValue, Severity severity) {

  public Anomaly {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(severity, "severity");
    PValues.requireValid(finding.anomalyId() + " q-value", qValue);
    if (qValue < finding.pValue()) {
      throw new IllegalArgumentException(
          finding.anomalyId()
              + ": q-value "
              + qValue
              + " cannot be below its p-value "
              + finding.pValue());
    }
  }
}
