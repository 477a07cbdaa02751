package org.sentinela.analytics.detect;

import java.util.Objects;

/** A finding of a {@link GroupDetector} about one member of the group. */
public record GroupFinding(String naturalKey, Finding finding) {

  public GroupFinding {
    Objects.requireNonNull(naturalKey, "naturalKey");
    Objects.requireNonNull(finding, "finding");
  }
}
