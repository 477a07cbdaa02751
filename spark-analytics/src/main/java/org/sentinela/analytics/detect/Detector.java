package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.Optional;

/**
 * A red-flag rule: looks at one contract against its baselines and says whether, and why, it is
 * suspicious. Implementations are small immutable values; Spark ships them to the executors.
 */
@FunctionalInterface
public interface Detector extends Serializable {

  /** The finding for this contract, or empty when it looks normal. */
  Optional<Finding> evaluate(ContractProfile contract);

  /**
   * True when this detector tests {@code contract} (a scored contract): one hypothesis of the
   * night, counted in the m of the Benjamini–Hochberg q-values. Every contract it can flag must be
   * tested. The default, every scored contract, is an upper bound: it can only make q-values larger
   * (more cautious).
   */
  default boolean tests(ContractFacts contract) {
    return true;
  }
}
