package org.sentinela.analytics.detect;

import java.util.Locale;

/** Which side of its baseline a value lies on. */
public enum Direction {
  ABOVE,
  BELOW;

  /** ABOVE for a positive (or zero) z, BELOW for a negative one. */
  public static Direction of(double z) {
    return z < 0 ? BELOW : ABOVE;
  }

  /** Lower-case word for sentences. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
