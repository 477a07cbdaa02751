package org.sentinela.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The UTF-8 bytes of one string at a time, in a buffer reused from string to string: the ingest
 * encodes every text field of every row, and a new array per field is most of what it allocates.
 * Not thread-safe: one per thread or per step.
 */
public final class Utf8Buffer {

  private char[] chars = new char[512];
  private byte[] bytes = new byte[3 * 512];
  private int length;

  /** Encodes {@code text}, replacing what the buffer held; returns the byte count. */
  public int encode(String text) {
    int count = text.length();
    if (chars.length < count) {
      chars = new char[Math.max(count, 2 * chars.length)];
      bytes = new byte[3 * chars.length];
    }
    text.getChars(0, count, chars, 0);
    if (isAscii(chars, count)) {
      // codes, numbers, hashes and keys: one byte per char, in a loop the JIT vectorises
      for (int i = 0; i < count; i++) {
        bytes[i] = (byte) chars[i];
      }
      length = count;
      return count;
    }
    int n = 0;
    for (int i = 0; i < count; i++) {
      char c = chars[i];
      if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else if (c < 0x800) {
        bytes[n++] = (byte) (0xC0 | (c >> 6));
        bytes[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        return encodeWithTheJdk(text);
      } else {
        bytes[n++] = (byte) (0xE0 | (c >> 12));
        bytes[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    length = n;
    return n;
  }

  /** True when none of the first {@code count} chars needs more than one byte. */
  private static boolean isAscii(char[] chars, int count) {
    int all = 0;
    for (int i = 0; i < count; i++) {
      all |= chars[i];
    }
    return all < 0x80;
  }

  /** The buffer; its first {@link #length()} bytes are the last string's encoding. */
  public byte[] bytes() {
    return bytes;
  }

  /** Bytes of the last string encoded. */
  public int length() {
    return length;
  }

  /** Surrogate pairs (and lone surrogates, as '?') exactly as {@link String#getBytes} does them. */
  private int encodeWithTheJdk(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < encoded.length) {
      bytes = Arrays.copyOf(bytes, encoded.length);
    }
    System.arraycopy(encoded, 0, bytes, 0, encoded.length);
    length = encoded.length;
    return length;
  }
}
