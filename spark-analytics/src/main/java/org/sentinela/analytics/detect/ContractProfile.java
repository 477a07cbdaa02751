package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.sentinela.analytics.baseline.SegmentStats;

/**
 * One scored contract as a detector sees it: its facts, the value it is scored on and the segments
 * it belongs to.
 *
 * @param contract the contract's own columns (values, dates, object)
 * @param buyerUf buyer UF, {@code "BR"} when unresolved
 * @param superiorOrganCode superior organ code, may be null
 * @param valueColumn the column the value was taken from ({@code final_value} or {@code
 *     initial_value})
 * @param valueUsed the positive value in R$
 * @param logValue ln(valueUsed)
 * @param segments the contract's segment at each level, finest first
 */
public record ContractProfile(
    ContractFacts contract,
    String buyerUf,
    String superiorOrganCode,
    String valueColumn,
    BigDecimal valueUsed,
    double logValue,
    List<SegmentStats> segments)
    implements Serializable {

  public ContractProfile {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(buyerUf, "buyerUf");
    Objects.requireNonNull(valueColumn, "valueColumn");
    Objects.requireNonNull(valueUsed, "valueUsed");
    if (valueUsed.signum() <= 0) {
      throw new IllegalArgumentException(
          "contract " + contract.naturalKey() + ": value must be positive, got " + valueUsed);
    }
    if (!Double.isFinite(logValue)) {
      throw new IllegalArgumentException(
          "contract " + contract.naturalKey() + ": ln(value) must be finite, got " + logValue);
    }
    segments = List.copyOf(segments);
  }

  /** The contract's natural key (unit | number | supplier). */
  public String naturalKey() {
    return contract.naturalKey();
  }

  /** The normalised modality. */
  public String modality() {
    return contract.modality();
  }
}
