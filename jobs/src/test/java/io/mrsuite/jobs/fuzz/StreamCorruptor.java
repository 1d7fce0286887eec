package io.mrsuite.jobs.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Corrupts compressed bytes: cuts them at a boundary of the stream's own structure, or replaces one byte.
 *
 * <p>gzip (RFC 1952) is a 10-byte header, deflate data and an 8-byte trailer (CRC and length). bzip2 is a
 * 4-byte header, blocks each opening with the 48-bit magic {@code 0x314159265359}, and a 48-bit
 * end-of-stream magic {@code 0x177245385090} with the stream CRC; neither magic is byte-aligned.
 */
final class StreamCorruptor {
  static final long BZIP2_BLOCK_MAGIC = 0x314159265359L;
  static final long BZIP2_END_MAGIC = 0x177245385090L;
  private static final int GZIP_HEADER = 10;
  private static final int GZIP_TRAILER = 8;
  private static final int BZIP2_HEADER = 4;

  /** Where compressed bytes are cut. */
  enum Cut {
    IN_HEADER, IN_DATA, BEFORE_TRAILER, IN_TRAILER, AT_BLOCK_BOUNDARY
  }

  private final SplittableRandom random;

  StreamCorruptor(SplittableRandom random) {
    this.random = random;
  }

  /** A cut and what is left of the file. */
  record CutStream(byte[] bytes, String detail) {
  }

  CutStream cut(Compression codec, byte[] compressed, Cut cut) {
    int length = compressed.length;
    int at;
    if (codec == Compression.GZIP) {
      switch (cut) {
        case IN_HEADER:
          at = 1 + random.nextInt(GZIP_HEADER - 1);
          break;
        case IN_DATA:
          at = GZIP_HEADER + random.nextInt(Math.max(1, length - GZIP_TRAILER - GZIP_HEADER));
          break;
        case BEFORE_TRAILER:
          at = length - GZIP_TRAILER;
          break;
        default:
          at = length - 1 - random.nextInt(GZIP_TRAILER - 1);
      }
    } else {
      List<Long> blocks = bitPositions(compressed, BZIP2_BLOCK_MAGIC);
      long endMagic = lastOf(bitPositions(compressed, BZIP2_END_MAGIC));
      int dataEnd = (int) ((endMagic + 7) / 8);
      switch (cut) {
        case IN_HEADER:
          at = 1 + random.nextInt(BZIP2_HEADER - 1);
          break;
        case IN_DATA:
          at = BZIP2_HEADER + random.nextInt(Math.max(1, dataEnd - BZIP2_HEADER));
          break;
        case AT_BLOCK_BOUNDARY:
          // The byte that holds the first bits of a later block's magic, or the one after it.
          long block = blocks.get(1 + random.nextInt(blocks.size() - 1));
          at = (int) (block / 8) + random.nextInt(2);
          break;
        case BEFORE_TRAILER:
          at = dataEnd;
          break;
        default:
          at = dataEnd + random.nextInt(Math.max(1, length - dataEnd));
      }
    }
    at = Math.min(at, length - 1);
    return new CutStream(Arrays.copyOf(compressed, at),
        String.format(Locale.ROOT, "%s %s at byte %d of %d", codec, cut, at, length));
  }

  /** Replaces one byte anywhere in the compressed file. */
  CutStream flip(Compression codec, byte[] compressed) {
    byte[] flipped = compressed.clone();
    int at = random.nextInt(flipped.length);
    byte replacement;
    do {
      replacement = (byte) random.nextInt(256);
    } while (replacement == flipped[at]);
    flipped[at] = replacement;
    return new CutStream(flipped, String.format(Locale.ROOT, "%s byte %d of %d 0x%02x->0x%02x", codec, at,
        flipped.length, compressed[at] & 0xFF, replacement & 0xFF));
  }

  /** Bit offsets at which the 48-bit {@code magic} occurs, in order. */
  static List<Long> bitPositions(byte[] bytes, long magic) {
    List<Long> positions = new ArrayList<>();
    long window = 0;
    long mask = (1L << 48) - 1;
    for (long bit = 0; bit < bytes.length * 8L; bit++) {
      int value = (bytes[(int) (bit >>> 3)] >> (7 - (int) (bit & 7))) & 1;
      window = ((window << 1) | value) & mask;
      if (bit >= 47 && window == magic) {
        positions.add(bit - 47);
      }
    }
    return positions;
  }

  private static long lastOf(List<Long> positions) {
    return positions.get(positions.size() - 1);
  }
}
