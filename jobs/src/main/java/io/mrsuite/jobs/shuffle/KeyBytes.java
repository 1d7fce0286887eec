package io.mrsuite.jobs.shuffle;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryData;

/**
 * Compares two serialized Avro record keys in place, in the order {@link BinaryData#compare} gives them against
 * the key schema, without the two decoders Avro sets up for each comparison. A job's sort spends most of its
 * time comparing keys.
 *
 * <p>It handles the keys a shuffle uses: records whose fields are strings, ints, longs, or unions of those and
 * null, each field ascending, descending or ignored. {@link #of} is empty for any other key, which is then left
 * to Avro. The rules are Avro's: a union compares its branch index first, a string its bytes
 * ({@link BinaryData#compareBytes}), a number its value, and the first field that differs decides.
 */
final class KeyBytes {
  private static final int NULL = 0;
  private static final int INT = 1;
  private static final int LONG = 2;
  private static final int STRING = 3;

  // Per field: the kind of each branch (one for a plain field), whether it is a union, and how it orders
  // (1 ascending, -1 descending, 0 ignored).
  private final int[][] kinds;
  private final boolean[] union;
  private final int[] order;

  private KeyBytes(int[][] kinds, boolean[] union, int[] order) {
    this.kinds = kinds;
    this.union = union;
    this.order = order;
  }

  /** The comparison of {@code keySchema}'s serialized records, when every field is of a kind it handles. */
  static Optional<KeyBytes> of(Schema keySchema) {
    if (keySchema.getType() != Schema.Type.RECORD) {
      return Optional.empty();
    }
    List<Schema.Field> fields = keySchema.getFields();
    int[][] kinds = new int[fields.size()][];
    boolean[] union = new boolean[fields.size()];
    int[] order = new int[fields.size()];
    for (int f = 0; f < fields.size(); f++) {
      Schema schema = fields.get(f).schema();
      union[f] = schema.getType() == Schema.Type.UNION;
      List<Schema> branches = union[f] ? schema.getTypes() : List.of(schema);
      kinds[f] = new int[branches.size()];
      for (int b = 0; b < branches.size(); b++) {
        int kind = kindOf(branches.get(b).getType());
        if (kind < 0) {
          return Optional.empty();
        }
        kinds[f][b] = kind;
      }
      order[f] = switch (fields.get(f).order()) {
        case ASCENDING -> 1;
        case DESCENDING -> -1;
        case IGNORE -> 0;
      };
    }
    return Optional.of(new KeyBytes(kinds, union, order));
  }

  private static int kindOf(Schema.Type type) {
    return switch (type) {
      case NULL -> NULL;
      case INT -> INT;
      case LONG -> LONG;
      case STRING -> STRING;
      default -> -1;
    };
  }

  /** The order of the whole keys starting at {@code s1} and {@code s2}. */
  int compare(byte[] b1, int s1, byte[] b2, int s2) {
    return compareFields(b1, s1, b2, s2, kinds.length);
  }

  /** The order of the keys' first field alone, the one a secondary sort groups by. */
  int compareFirstField(byte[] b1, int s1, byte[] b2, int s2) {
    return compareFields(b1, s1, b2, s2, 1);
  }

  private int compareFields(byte[] b1, int s1, byte[] b2, int s2, int fieldCount) {
    int p1 = s1;
    int p2 = s2;
    for (int f = 0; f < fieldCount; f++) {
      int branch1 = 0;
      int branch2 = 0;
      if (union[f]) {
        long read1 = readInt(b1, p1);
        long read2 = readInt(b2, p2);
        branch1 = value(read1);
        branch2 = value(read2);
        p1 = position(read1);
        p2 = position(read2);
      }
      int kind1 = kinds[f][branch1];
      int kind2 = kinds[f][branch2];
      if (order[f] != 0) {
        int c = branch1 != branch2 ? Integer.compare(branch1, branch2) : compareValues(kind1, b1, p1, b2, p2);
        if (c != 0) {
          return order[f] * c;
        }
      }
      p1 = skip(kind1, b1, p1);
      p2 = skip(kind2, b2, p2);
    }
    return 0;
  }

  private static int compareValues(int kind, byte[] b1, int p1, byte[] b2, int p2) {
    return switch (kind) {
      case INT -> Integer.compare(value(readInt(b1, p1)), value(readInt(b2, p2)));
      case LONG -> Long.compare(readLong(b1, p1), readLong(b2, p2));
      case STRING -> {
        long length1 = readInt(b1, p1);
        long length2 = readInt(b2, p2);
        yield BinaryData.compareBytes(b1, position(length1), value(length1), b2, position(length2),
            value(length2));
      }
      default -> 0;
    };
  }

  // The position after the value of this kind at pos.
  private static int skip(int kind, byte[] bytes, int pos) {
    return switch (kind) {
      case INT, LONG -> afterVarint(bytes, pos);
      case STRING -> {
        long length = readInt(bytes, pos);
        yield position(length) + value(length);
      }
      default -> pos;
    };
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

  private static int afterVarint(byte[] bytes, int pos) {
    int p = pos;
    // Every byte of a varint but its last has the high bit set.
    while (bytes[p] < 0) {
      p++;
    }
    return p + 1;
  }

  private static int position(long read) {
    return (int) (read >>> 32);
  }

  private static int value(long read) {
    return (int) read;
  }
}
