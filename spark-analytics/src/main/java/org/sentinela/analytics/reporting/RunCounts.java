package org.sentinela.analytics.reporting;

/**
 * How many contracts a run looked at.
 *
 * @param contractsInSnapshot record versions in the lake snapshot
 * @param contractsCurrent contracts after keeping the current version of each
 * @param contractsScored current contracts with a positive value, scored
 * @param contractsUnscored current contracts with no positive value, not scored
 */
public record RunCounts(
    long contractsInSnapshot, long contractsCurrent, long contractsScored, long contractsUnscored) {

  public RunCounts {
    if (contractsScored + contractsUnscored != contractsCurrent) {
      throw new IllegalArgumentException(
          "scored ("
              + contractsScored
              + ") + unscored ("
              + contractsUnscored
              + ") must equal current contracts ("
              + contractsCurrent
              + ")");
    }
    if (contractsCurrent > contractsInSnapshot) {
      throw new IllegalArgumentException(
          "current contracts ("
              + contractsCurrent
              + ") cannot exceed the snapshot's record versions ("
              + contractsInSnapshot
              + ")");
    }
  }
}
