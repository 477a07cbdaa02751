package org.sentinela.analytics.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Stable anomaly ids: the same detector and contract give the same id every night; for a detector
 * that flags a buyer unit's year, the same detector, unit, year and qualifier do.
 */
public final class AnomalyIds {

  /** Length of an id in hex characters (128 bits of SHA-256). */
  public static final int LENGTH = 32;

  private AnomalyIds() {}

  /** The first 32 hex characters of SHA-256({@code detector + "|" + naturalKey}). */
  public static String of(String detector, String naturalKey) {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(naturalKey, "naturalKey");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((detector + "|" + naturalKey).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The id of a finding about unit {@code unitCode} in {@code year}: {@link #of} with the key
   * {@code unit=<unitCode>|year=<year>|<qualifier>}, e.g. {@code unit=158001|year=2022|ART75_II}.
   */
  public static String ofUnitYear(String detector, String unitCode, int year, String qualifier) {
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(qualifier, "qualifier");
    return of(detector, "unit=" + unitCode + "|year=" + year + "|" + qualifier);
  }
}
