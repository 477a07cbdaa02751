package org.sentinela.analytics.legal;

/** What a contract buys, as far as the dispensa limits distinguish it. */
public enum ObjectNature {
  /** Works and engineering services: art. 75 I (Lei 14.133), art. 24 I (Lei 8.666). */
  WORKS_OR_ENGINEERING,
  /** Vehicle maintenance: art. 75 I under Lei 14.133, art. 24 II under Lei 8.666. */
  VEHICLE_MAINTENANCE,
  /** Other purchases and services: art. 75 II (Lei 14.133), art. 24 II (Lei 8.666). */
  PURCHASES_AND_SERVICES
}
