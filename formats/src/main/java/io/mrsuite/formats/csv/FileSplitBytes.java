package io.mrsuite.formats.csv;

import io.mrsuite.formats.text.DecodedFile;
import java.io.IOException;

/**
 * A split of a plain CSV file, or a whole compressed one (a codec that cannot start mid-file, or a bzip2 file
 * read as one split). Positions are the file's (decompressed) bytes.
 */
final class FileSplitBytes implements SplitBytes {
  /** A byte-order mark: a cursor never starts inside it. */
  private static final int BYTE_ORDER_MARK_BYTES = 3;

  private final DecodedFile file;
  private final boolean plain;
  private final long start;
  private final long end;
  private final long length;

  /** @param plain whether the file is uncompressed, so it can be read from any byte */
  FileSplitBytes(DecodedFile file, boolean plain, long start, long end, long length) {
    if (!plain && start != 0) {
      throw new IllegalArgumentException("a compressed file is read from its start, not from " + start);
    }
    this.file = file;
    this.plain = plain;
    this.start = start;
    this.end = end;
    this.length = length;
  }

  @Override
  public ByteCursor fromFileStart() throws IOException {
    return at(0);
  }

  @Override
  public ByteCursor fromBefore(long distance) throws IOException {
    long from = start - distance;
    return from <= BYTE_ORDER_MARK_BYTES ? null : at(from);
  }

  private ByteCursor at(long position) throws IOException {
    if (plain) {
      file.seek(position);
    }
    return new ByteCursor(file.stream(), position, file.breaks(), ByteCursor.NO_WATCH);
  }

  @Override
  public long start() {
    return start;
  }

  @Override
  public boolean isPastEnd(long position) {
    return end < length && position >= end;
  }

  @Override
  public long fileOffset(long position) {
    return position;
  }

  @Override
  public float progress(long position) {
    // A compressed file's decompressed length is not known in advance.
    if (!plain || end <= start) {
      return 0f;
    }
    return Math.max(0f, Math.min(1f, (position - start) / (float) (end - start)));
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
