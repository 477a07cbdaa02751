package org.sentinela.analytics.detect;

import java.util.Objects;

/** One row of the {@code anomalies} table (without its run id): a contract and a finding. */
public record Anomaly(ContractDetails contract, Finding finding) {

  public Anomaly {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(finding, "finding");
  }
}
