package org.sentinela.ingest.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of raw lines' UTF-8 bytes, with one digest reused from line to line. Not thread-safe: one
 * per step.
 */
final class RecordHasher {

  private static final HexFormat HEX = HexFormat.of();

  private final MessageDigest sha256;

  RecordHasher() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The 32-byte digest of the line. */
  byte[] sha256(String line) {
    return sha256.digest(line.getBytes(StandardCharsets.UTF_8));
  }

  /** A digest in lower-case hex, as the lake's {@code record_hash} holds it. */
  static String hex(byte[] digest) {
    return HEX.formatHex(digest);
  }
}
