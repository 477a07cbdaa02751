package org.sentinela.analytics.detect;

import java.util.Objects;

/**
 * A finding about a group of contracts (of a {@link GroupDetector}, or of a unit-level detector
 * about a buyer unit's year), carried by one member: the contract {@code naturalKey} names.
 */
public record GroupFinding(String naturalKey, Finding finding) {

  public GroupFinding {
    Objects.requireNonNull(naturalKey, "naturalKey");
    Objects.requireNonNull(finding, "finding");
  }
}
