package io.mrsuite.formats.csv;

import java.io.IOException;
import java.io.InputStream;

/**
 * Buffered byte input that knows its absolute position and can take back bytes it just gave out, which
 * the CSV parser needs to resume after a malformed record at the record's first line break.
 */
final class ByteCursor {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int pos;
  private int limit;
  private byte[] pushback = new byte[0];
  private int pushPos;
  private long position;

  /** @param position the absolute position of the stream's next byte */
  ByteCursor(InputStream in, long position) {
    this.in = in;
    this.position = position;
  }

  /** The next byte (0..255), or -1 at the end of the stream. */
  int read() throws IOException {
    if (pushPos < pushback.length) {
      position++;
      return pushback[pushPos++] & 0xFF;
    }
    while (pos == limit) {
      int n = in.read(buffer);
      if (n < 0) {
        return -1;
      }
      pos = 0;
      limit = n;
    }
    position++;
    return buffer[pos++] & 0xFF;
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
}
