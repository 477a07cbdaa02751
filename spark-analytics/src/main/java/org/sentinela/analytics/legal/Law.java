package org.sentinela.analytics.legal;

/** The procurement laws whose limits the detectors apply. */
public enum Law {
  /** Lei 8.666/1993, revoked on 30 December 2023. */
  LEI_8666("Lei 8.666/93"),
  /** Lei 14.133/2021, in force from 1 April 2021. */
  LEI_14133("Lei 14.133/2021");

  private final String citation;

  Law(String citation) {
    this.citation = citation;
  }

  /** How the law is cited, e.g. {@code Lei 14.133/2021}. */
  public String citation() {
    return citation;
  }
}
