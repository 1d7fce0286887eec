package io.mrsuite.formats.csv;

import java.io.Closeable;
import java.io.IOException;

/**
 * The bytes of one split of a CSV file as {@link CsvRecordReader} reads them, and which records are its own.
 *
 * <p>A record belongs to the split in which it starts, as in Hadoop's LineRecordReader: a split reads from its
 * first record that starts at or after its start, up to and including the one in which its end lies. To find
 * that first record exactly, a split after the first reads from a sure record start before its start
 * ({@link SplitStartSearch}) and passes over the records of the split before.
 */
interface SplitBytes extends Closeable {
  /** A cursor at the file's start, the byte-order mark and header ahead. Closes the cursor opened before. */
  ByteCursor fromFileStart() throws IOException;

  /**
   * A cursor from about {@code distance} bytes before the split's start (decompressed bytes of a plain file,
   * compressed bytes of a bzip2 file), or null when that reaches the file's start. Closes the cursor opened
   * before.
   */
  ByteCursor fromBefore(long distance) throws IOException;

  /** The split's start in the positions of the cursor last opened; -1 while that cursor has not read so far. */
  long start();

  /** Whether the record starting at {@code position} is the split's own, not one of the splits before. */
  default boolean owns(long position) {
    long start = start();
    return start >= 0 && position >= start;
  }

  /** Whether the record starting at {@code position} belongs to the splits after this one. */
  boolean isPastEnd(long position) throws IOException;

  /** The offset in the file of the record starting at {@code position}. */
  long fileOffset(long position);

  /** How far the split has been read, 0 to 1, when the next record starts at {@code position}. */
  float progress(long position);
}
