package io.mrsuite.formats.csv;

import io.mrsuite.formats.text.DecodedFile;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A split of a bzip2 file read block by block. Positions are decompressed bytes from the first block the
 * stream read; a record's offset is exact in the first split, and after it counts from the split's first block
 * (see {@link Bzip2SplitBoundary#fileOffset}).
 */
final class Bzip2SplitBytes implements SplitBytes {
  private final Configuration conf;
  private final Path path;
  private final long length;
  private final long start;
  private final long end;
  private DecodedFile file;
  private Bzip2SplitBoundary splitStart;
  private Bzip2SplitBoundary splitEnd;
  private ByteCursor cursor;

  Bzip2SplitBytes(Configuration conf, Path path, long length, long start, long end) {
    this.conf = conf;
    this.path = path;
    this.length = length;
    this.start = start;
    this.end = end;
  }

  @Override
  public ByteCursor fromFileStart() throws IOException {
    return from(0);
  }

  @Override
  public ByteCursor fromBefore(long distance) throws IOException {
    long from = start - distance;
    return from <= 0 ? null : from(from);
  }

  /** Reads from the first block after compressed position {@code from} (from the first block when it is 0). */
  private ByteCursor from(long from) throws IOException {
    close();
    file = DecodedFile.openBlocks(conf, path, length, from, end);
    Bzip2SplitBoundary atStart = new Bzip2SplitBoundary(file, start);
    Bzip2SplitBoundary atEnd = new Bzip2SplitBoundary(file, end);
    splitStart = atStart;
    splitEnd = atEnd;
    cursor = new ByteCursor(file.stream(), 0, file.breaks(), (position, bytes, offset, count) -> {
      atStart.afterRead(position, bytes, offset, count);
      atEnd.afterRead(position, bytes, offset, count);
    });
    return cursor;
  }

  @Override
  public long start() {
    // The first split's stream reads from the file's first block, whose position the codec does not give.
    return start == 0 ? 0 : splitStart.position();
  }

  @Override
  public boolean isPastEnd(long position) throws IOException {
    if (splitEnd.position() < 0) {
      // Reading one byte ahead tells whether the next byte opens the next split's first block.
      cursor.peek(1);
    }
    return splitEnd.position() >= 0 && position >= splitEnd.position();
  }

  @Override
  public long fileOffset(long position) {
    return start == 0 ? position : splitStart.fileOffset(position);
  }

  @Override
  public float progress(long position) {
    return 0f;
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      try {
        file.close();
      } finally {
        file = null;
      }
    }
  }
}
