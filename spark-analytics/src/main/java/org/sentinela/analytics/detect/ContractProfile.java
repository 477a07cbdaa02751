package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.sentinela.analytics.baseline.SegmentStats;

/**
 * One scored contract as a detector sees it: its value and the segments it belongs to.
 *
 * @param naturalKey the contract's natural key (unit | number | supplier)
 * @param buyerUf buyer UF, {@code "BR"} when unresolved
 * @param modality normalised modality
 * @param superiorOrganCode superior organ code, may be null
 * @param valueColumn the column the value was taken from ({@code final_value} or {@code
 *     initial_value})
 * @param valueUsed the positive value in R$
 * @param logValue ln(valueUsed)
 * @param segments the contract's segment at each level, finest first
 */
public record ContractProfile(
    String naturalKey,
    String buyerUf,
    String modality,
    String superiorOrganCode,
    String valueColumn,
    BigDecimal valueUsed,
    double logValue,
    List<SegmentStats> segments)
    implements Serializable {

  public ContractProfile {
    Objects.requireNonNull(naturalKey, "naturalKey");
    Objects.requireNonNull(buyerUf, "buyerUf");
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(valueColumn, "valueColumn");
    Objects.requireNonNull(valueUsed, "valueUsed");
    if (valueUsed.signum() <= 0) {
      throw new IllegalArgumentException(
          "contract " + naturalKey + ": value must be positive, got " + valueUsed);
    }
    if (!Double.isFinite(logValue)) {
      throw new IllegalArgumentException(
          "contract " + naturalKey + ": ln(value) must be finite, got " + logValue);
    }
    segments = List.copyOf(segments);
  }
}
