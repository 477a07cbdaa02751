package org.sentinela.ingest.portal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The first line of each distinct SHA-256 digest seen in one file, for dropping exact duplicate
 * lines. Open addressing over flat arrays (the whole 32-byte digest as four longs, and the line),
 * so a file of a million lines costs tens of megabytes and no object per line.
 */
final class FirstLines {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int DIGEST_LONGS = 4;

  private long[] digests = new long[DIGEST_LONGS * 1024];
  private int[] lines = new int[1024];
  private int size;

  /**
   * The first line seen with this digest; {@code line} itself when the digest is new.
   *
   * @param digest a 32-byte SHA-256 digest
   * @param line a line number, 1 or more
   */
  int firstLine(byte[] digest, int line) {
    if (digest.length != 8 * DIGEST_LONGS || line < 1) {
      throw new IllegalArgumentException("a 32-byte digest and a line from 1 are needed");
    }
    long a = (long) LONGS.get(digest, 0);
    long b = (long) LONGS.get(digest, 8);
    long c = (long) LONGS.get(digest, 16);
    long d = (long) LONGS.get(digest, 24);
    int mask = lines.length - 1;
    for (int slot = (int) a & mask; ; slot = (slot + 1) & mask) {
      if (lines[slot] == 0) {
        put(slot, a, b, c, d, line);
        return line;
      }
      int k = DIGEST_LONGS * slot;
      if (digests[k] == a && digests[k + 1] == b && digests[k + 2] == c && digests[k + 3] == d) {
        return lines[slot];
      }
    }
  }

  private void put(int slot, long a, long b, long c, long d, int line) {
    int k = DIGEST_LONGS * slot;
    digests[k] = a;
    digests[k + 1] = b;
    digests[k + 2] = c;
    digests[k + 3] = d;
    lines[slot] = line;
    if (++size * 3 > lines.length * 2) {
      grow();
    }
  }

  /** Doubles the table, keeping it at most two thirds full. */
  private void grow() {
    long[] oldDigests = digests;
    int[] oldLines = lines;
    digests = new long[2 * oldDigests.length];
    lines = new int[2 * oldLines.length];
    int mask = lines.length - 1;
    for (int old = 0; old < oldLines.length; old++) {
      if (oldLines[old] != 0) {
        int k = DIGEST_LONGS * old;
        int slot = (int) oldDigests[k] & mask;
        while (lines[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        System.arraycopy(oldDigests, k, digests, DIGEST_LONGS * slot, DIGEST_LONGS);
        lines[slot] = oldLines[old];
      }
    }
  }
}
