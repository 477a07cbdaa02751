package org.sentinela.datagen;

/** A map from long keys to int counts with open addressing, for millions of keys without boxing. */
final class LongIntMap {

  private long[] keys = new long[1 << 16];
  private int[] values = new int[1 << 16];
  private boolean[] used = new boolean[1 << 16];
  private int size;

  /** The count of a key, 0 if absent. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; used[i]; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
    }
    return 0;
  }

  /** Adds {@code delta} to a key's count and returns the new count. */
  int add(long key, int delta) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (!used[i]) {
      used[i] = true;
      keys[i] = key;
      size++;
    }
    values[i] += delta;
    return values[i];
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int k = 0; k < oldKeys.length; k++) {
      if (oldUsed[k]) {
        add(oldKeys[k], oldValues[k]);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
