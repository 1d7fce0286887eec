package io.mrsuite.jobs.shuffle;

import org.apache.avro.io.BinaryData;

/**
 * Compares two serialized {@link JoinKey}s in place, as Avro's {@link BinaryData#compare} does against the key
 * schema (every field ascending: strings by their bytes, numbers by value), without the two decoders Avro sets
 * up for each comparison. The sort of every job keyed by a {@code JoinKey} spends most of its time here.
 *
 * <p>It reads the fields in {@code JoinKey}'s order: key (string), kind (int), sequence (int), source_file
 * (string), source_offset (long); {@code JoinKeyBytesTest} fails if the schema changes.
 */
final class JoinKeyBytes {
  private JoinKeyBytes() {
  }

  /** The order of the whole keys. */
  static int compare(byte[] b1, int s1, byte[] b2, int s2) {
    long at1 = readInt(b1, s1);
    long at2 = readInt(b2, s2);
    int c = compareString(b1, at1, b2, at2);
    if (c != 0) {
      return c;
    }
    int p1 = end(at1);
    int p2 = end(at2);
    for (int intField = 0; intField < 2; intField++) {
      at1 = readInt(b1, p1);
      at2 = readInt(b2, p2);
      c = Integer.compare(value(at1), value(at2));
      if (c != 0) {
        return c;
      }
      p1 = position(at1);
      p2 = position(at2);
    }
    at1 = readInt(b1, p1);
    at2 = readInt(b2, p2);
    c = compareString(b1, at1, b2, at2);
    if (c != 0) {
      return c;
    }
    return Long.compare(readLong(b1, end(at1)), readLong(b2, end(at2)));
  }

  /** The order of the keys' first field alone, the one they are grouped by. */
  static int compareFirstField(byte[] b1, int s1, byte[] b2, int s2) {
    return compareString(b1, readInt(b1, s1), b2, readInt(b2, s2));
  }

  // A string is its length, read into lengthAt, then its bytes.
  private static int compareString(byte[] b1, long lengthAt1, byte[] b2, long lengthAt2) {
    return BinaryData.compareBytes(b1, position(lengthAt1), value(lengthAt1), b2, position(lengthAt2),
        value(lengthAt2));
  }

  private static int end(long lengthAt) {
    return position(lengthAt) + value(lengthAt);
  }

  // The zigzag varint int at pos: its value in the low 32 bits and the position after it in the high 32,
  // so that nothing is allocated per comparison.
  private static long readInt(byte[] bytes, int pos) {
    int raw = 0;
    int shift = 0;
    int p = pos;
    byte next;
    do {
      next = bytes[p++];
      raw |= (next & 0x7F) << shift;
      shift += 7;
    } while (next < 0 && shift < 35);
    int value = (raw >>> 1) ^ -(raw & 1);
    return ((long) p << 32) | (value & 0xFFFFFFFFL);
  }

  private static long readLong(byte[] bytes, int pos) {
    long raw = 0;
    int shift = 0;
    int p = pos;
    byte next;
    do {
      next = bytes[p++];
      raw |= (long) (next & 0x7F) << shift;
      shift += 7;
    } while (next < 0 && shift < 70);
    return (raw >>> 1) ^ -(raw & 1);
  }

  private static int position(long read) {
    return (int) (read >>> 32);
  }

  private static int value(long read) {
    return (int) read;
  }
}
