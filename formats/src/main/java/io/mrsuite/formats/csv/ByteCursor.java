package io.mrsuite.formats.csv;

import io.mrsuite.formats.text.StreamBreaks;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Buffered byte input that knows its absolute position and can take back bytes or look ahead.
 *
 * <p>Taking back bytes it just gave out lets the CSV parser resume after a malformed record at the record's
 * first line break. Looking ahead without consuming lets a split find a sure record start in the bytes it is
 * about to read.
 *
 * <p>When the stream fails with an error that its {@link StreamBreaks} call a break (a compressed file that
 * ends early), the cursor ends there as if the data ended, and {@link #brokenBy} tells why.
 */
final class ByteCursor {
  /**
   * A cursor's buffer starts small and doubles as it is read, up to the largest: a look before a split's start
   * reads little, a split reads much.
   */
  private static final int FIRST_BUFFER_BYTES = 4 * 1024;
  private static final int BUFFER_BYTES = 64 * 1024;

  /** Sees every read from the underlying stream: where it begins, in this cursor's positions, and its bytes. */
  interface ReadWatch {
    void afterRead(long position, byte[] bytes, int offset, int length) throws IOException;
  }

  static final ReadWatch NO_WATCH = (position, bytes, offset, length) -> {
  };

  private final InputStream in;
  private final StreamBreaks breaks;
  private final ReadWatch watch;
  private byte[] buffer;
  private int pos;
  private int limit;
  private byte[] pushback = new byte[0];
  private int pushPos;
  private long position;
  private boolean eof;
  private IOException brokenBy;

  /**
   * @param position the absolute position of the stream's next byte
   * @param breaks which read errors mean that the data ends early
   */
  ByteCursor(InputStream in, long position, StreamBreaks breaks, ReadWatch watch) {
    this(in, position, breaks, watch, new byte[FIRST_BUFFER_BYTES]);
  }

  private ByteCursor(InputStream in, long position, StreamBreaks breaks, ReadWatch watch, byte[] buffer) {
    this.in = in;
    this.position = position;
    this.breaks = breaks;
    this.watch = watch;
    this.buffer = buffer;
  }

  /**
   * A cursor over {@code bytes[from..]}, at absolute position {@code position}, whose end is the end of the
   * array. The bytes are neither copied nor changed.
   */
  static ByteCursor over(byte[] bytes, int from, long position) {
    ByteCursor cursor = new ByteCursor(null, position, StreamBreaks.NONE, NO_WATCH, bytes);
    cursor.pos = from;
    cursor.limit = bytes.length;
    cursor.eof = true;
    return cursor;
  }

  /** The next byte (0..255), or -1 at the end of the stream. */
  int read() throws IOException {
    if (pushPos < pushback.length) {
      position++;
      return pushback[pushPos++] & 0xFF;
    }
    if (pos == limit && !fill()) {
      return -1;
    }
    position++;
    return buffer[pos++] & 0xFF;
  }

  /** Up to {@code length} next bytes, fewer only at the end of the stream, without consuming them. */
  byte[] peek(int length) throws IOException {
    int pending = pushback.length - pushPos;
    int fromBuffer = Math.max(0, length - pending);
    while (limit - pos < fromBuffer && fill()) {
      // fill() appends; keep reading until enough is buffered or the stream ends.
    }
    int take = Math.min(fromBuffer, limit - pos);
    byte[] bytes = new byte[Math.min(length, pending) + take];
    System.arraycopy(pushback, pushPos, bytes, 0, Math.min(length, pending));
    System.arraycopy(buffer, pos, bytes, Math.min(length, pending), take);
    return bytes;
  }

  /** Consumes up to {@code n} bytes, fewer only at the end of the stream. */
  void skip(long n) throws IOException {
    for (long i = 0; i < n && read() >= 0; i++) {
      // read() does the counting.
    }
  }

  /** Gives back {@code bytes[from, to)}, the last bytes read, so they are read again next. */
  void unread(byte[] bytes, int from, int to) {
    int pending = pushback.length - pushPos;
    byte[] combined = new byte[to - from + pending];
    System.arraycopy(bytes, from, combined, 0, to - from);
    System.arraycopy(pushback, pushPos, combined, to - from, pending);
    pushback = combined;
    pushPos = 0;
    position -= to - from;
  }

  long position() {
    return position;
  }

  /** The error that ended the data early, or null while the data has not broken off. */
  IOException brokenBy() {
    return brokenBy;
  }

  /** Appends one read of the stream to the buffer; false at its end. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos == limit) {
      pos = 0;
      limit = 0;
      if (buffer.length < BUFFER_BYTES) {
        buffer = new byte[Math.min(BUFFER_BYTES, 2 * buffer.length)];
      }
    } else if (limit == buffer.length) {
      if (pos > 0 && buffer.length >= BUFFER_BYTES) {
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        limit -= pos;
        pos = 0;
      } else {
        buffer = Arrays.copyOf(buffer, 2 * buffer.length);
      }
    }
    // The stream position of the buffer's end: what is buffered lies after the consumer's position.
    long streamPosition = position + (pushback.length - pushPos) + (limit - pos);
    int n;
    try {
      do {
        n = in.read(buffer, limit, buffer.length - limit);
      } while (n == 0);
    } catch (IOException e) {
      if (!breaks.isBreak(e)) {
        throw e;
      }
      brokenBy = e;
      n = -1;
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    watch.afterRead(streamPosition, buffer, limit, n);
    limit += n;
    return true;
  }
}
