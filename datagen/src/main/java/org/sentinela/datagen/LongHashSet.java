package org.sentinela.datagen;

/** A set of longs with open addressing, for millions of keys without boxing. */
final class LongHashSet {

  private static final long EMPTY = 0L;

  private long[] slots = new long[1 << 16];
  private boolean containsEmptyKey;
  private int size;

  /** Adds the key; returns false if it was already there. */
  boolean add(long key) {
    if (key == EMPTY) {
      boolean added = !containsEmptyKey;
      containsEmptyKey = true;
      return added;
    }
    if (size * 2 >= slots.length) {
      grow();
    }
    return insert(slots, key);
  }

  boolean contains(long key) {
    if (key == EMPTY) {
      return containsEmptyKey;
    }
    int mask = slots.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (slots[i] == key) {
        return true;
      }
      if (slots[i] == EMPTY) {
        return false;
      }
    }
  }

  private boolean insert(long[] table, long key) {
    int mask = table.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (table[i] == key) {
        return false;
      }
      if (table[i] == EMPTY) {
        table[i] = key;
        if (table == slots) {
          size++;
        }
        return true;
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    for (long key : old) {
      if (key != EMPTY) {
        insert(slots, key);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
