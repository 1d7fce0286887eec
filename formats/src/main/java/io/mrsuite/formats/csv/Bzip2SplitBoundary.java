package io.mrsuite.formats.csv;

import io.mrsuite.formats.text.DecodedFile;
import java.io.IOException;

/**
 * Records where, in the decompressed positions of a bzip2 stream, the data of the split starting at a given
 * compressed position begins.
 *
 * <p>Hadoop's bzip2 codec in {@code BYBLOCK} mode hands out one block per read and advances the stream
 * position only when a new block starts, with a read of that block's first byte. The blocks whose position
 * is at most a split's start belong to the splits before it (the rule Hadoop's LineRecordReader relies on); the
 * first block after them is where that split begins. A stream of the file read from any earlier block sees
 * the same block positions, so the split itself and the split before agree on it.
 */
final class Bzip2SplitBoundary implements ByteCursor.ReadWatch {
  private final DecodedFile blocks;
  private final long splitStart;
  private long boundary = -1;
  private long blockPosition = -1;

  /** @param splitStart the compressed position where the split starts */
  Bzip2SplitBoundary(DecodedFile blocks, long splitStart) {
    this.blocks = blocks;
    this.splitStart = splitStart;
  }

  @Override
  public void afterRead(long position, byte[] bytes, int offset, int length) throws IOException {
    if (boundary < 0 && blocks.blockPosition() > splitStart) {
      boundary = position;
      blockPosition = blocks.blockPosition();
    }
  }

  /** The decompressed position where the split's data begins, or -1 while the stream has not read so far. */
  long position() {
    return boundary;
  }

  /**
   * Where a record of the split is in the file, from its position in this stream: the compressed position of
   * the split's first block times 2^32 plus the decompressed bytes since that block. Ordered within the file,
   * and the same whichever stream of the file read the record.
   */
  long fileOffset(long position) {
    return (blockPosition << 32) + position - boundary;
  }
}
