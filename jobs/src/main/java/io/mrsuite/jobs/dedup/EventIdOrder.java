package io.mrsuite.jobs.dedup;

/**
 * The shuffle key of an event id: a 32-bit hash of it as 8 upper-case hex digits, then the id. Sorting
 * these keys sorts by hash first, so {@link HashRangePartitioner} can hand each reducer a contiguous range
 * of hashes: the part files, read in order, hold the events in one total order whatever the number of
 * reducers. The hash is String.hashCode (specified by the language, so the same on every JVM) passed
 * through MurmurHash3's 32-bit finalizer, which spreads ids that differ only in their last characters
 * ("e-1", "e-2", ...) over the whole range instead of one reducer's.
 */
final class EventIdOrder {
  static final int PREFIX_CHARS = 8;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private EventIdOrder() {
  }

  static String key(String eventId) {
    int hash = mix(eventId.hashCode());
    char[] prefix = new char[PREFIX_CHARS];
    for (int i = PREFIX_CHARS - 1; i >= 0; i--) {
      prefix[i] = HEX[hash & 0xF];
      hash >>>= 4;
    }
    return new String(prefix).concat(eventId);
  }

  /** MurmurHash3's fmix32. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** The unsigned hash a key starts with. */
  static long hash(String key) {
    return Long.parseLong(key.substring(0, PREFIX_CHARS), 16);
  }
}
