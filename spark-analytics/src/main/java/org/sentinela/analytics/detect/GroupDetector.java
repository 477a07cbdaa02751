package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.List;

/**
 * A red-flag rule over a group of related contracts (those of one buyer unit and one supplier):
 * says which of them are suspicious together, and why. Implementations are small immutable values;
 * Spark ships them to the executors.
 */
@FunctionalInterface
public interface GroupDetector extends Serializable {

  /** The findings about members of {@code contracts}, in any order; empty when all look normal. */
  List<GroupFinding> evaluate(List<ContractFacts> contracts);

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
