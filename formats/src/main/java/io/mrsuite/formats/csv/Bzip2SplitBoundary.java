package io.mrsuite.formats.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.hadoop.io.compress.SplitCompressionInputStream;

/**
 * Records where the next split of a bzip2 file begins and the bytes from there.
 *
 * <p>The position is in this split's decompressed positions. With those bytes this split can make the same
 * quote-state guess that the next split makes at its start.
 *
 * <p>Hadoop's bzip2 codec in {@code BYBLOCK} mode hands out one block per read and advances the stream
 * position only when a new block starts, with a read of that block's first byte. The blocks whose position
 * is at most the split's end belong to the split (the rule Hadoop's LineRecordReader relies on); the first
 * block after them is where the next split starts reading.
 */
final class Bzip2SplitBoundary implements ByteCursor.ReadWatch {
  private final SplitCompressionInputStream stream;
  private final long splitEnd;
  private final int maxRecorded;
  private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
  private long boundary = -1;

  /** @param maxRecorded the most bytes after the boundary a guess may read */
  Bzip2SplitBoundary(SplitCompressionInputStream stream, long splitEnd, int maxRecorded) {
    this.stream = stream;
    this.splitEnd = splitEnd;
    this.maxRecorded = maxRecorded;
  }

  @Override
  public void afterRead(long position, byte[] bytes, int offset, int length) throws IOException {
    if (boundary < 0 && stream.getPos() > splitEnd) {
      boundary = position;
    }
    if (boundary >= 0 && recorded.size() < maxRecorded) {
      recorded.write(bytes, offset, Math.min(length, maxRecorded - recorded.size()));
    }
  }

  /** The decompressed position where the next split starts, or -1 while not yet read. */
  long position() {
    return boundary;
  }

  /** The bytes from the boundary read so far. */
  byte[] recorded() {
    return recorded.toByteArray();
  }
}
