package io.mrsuite.jobs.gendata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that builds one output line (or CSV record) at a time. Lines are built as bytes,
 * not Strings, because some lines must hold bytes that are not UTF-8 at all, and because the generator
 * writes millions of them: appending digits and ASCII by hand avoids {@code String.format} and temporary
 * Strings in the hot loop.
 */
final class ByteLine {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  ByteLine() {
    this(512);
  }

  ByteLine(int capacity) {
    buf = new byte[capacity];
  }

  void clear() {
    len = 0;
  }

  int length() {
    return len;
  }

  byte byteAt(int index) {
    return buf[index];
  }

  ByteLine append(byte b) {
    ensure(1);
    buf[len++] = b;
    return this;
  }

  ByteLine append(char ascii) {
    return append((byte) ascii);
  }

  ByteLine append(byte[] bytes) {
    return append(bytes, 0, bytes.length);
  }

  ByteLine append(byte[] bytes, int from, int count) {
    ensure(count);
    System.arraycopy(bytes, from, buf, len, count);
    len += count;
    return this;
  }

  /** Appends bytes {@code [from, to)} of another line. */
  ByteLine append(ByteLine other, int from, int to) {
    return append(other.buf, from, to - from);
  }

  /** Appends text as UTF-8, with no escaping. */
  ByteLine appendText(String text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        appendUtf8(text, i);
        return this;
      }
      buf[len++] = (byte) c;
    }
    return this;
  }

  private void appendUtf8(String text, int from) {
    for (int i = from; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      appendCodePoint(cp);
    }
  }

  private void appendCodePoint(int cp) {
    ensure(4);
    if (cp < 0x80) {
      buf[len++] = (byte) cp;
    } else if (cp < 0x800) {
      buf[len++] = (byte) (0xC0 | (cp >> 6));
      buf[len++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      buf[len++] = (byte) (0xE0 | (cp >> 12));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[len++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      buf[len++] = (byte) (0xF0 | (cp >> 18));
      buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[len++] = (byte) (0x80 | (cp & 0x3F));
    }
  }

  /** Appends a JSON string literal: quoted, with quotes, backslashes and control characters escaped. */
  ByteLine appendJsonString(String text) {
    append('"');
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        append('\\').append(c);
      } else if (c == '\n') {
        append('\\').append('n');
      } else if (c == '\t') {
        append('\\').append('t');
      } else if (c < 0x20) {
        append('\\').append('u').append('0').append('0').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else if (c < 0x80) {
        append(c);
      } else {
        int cp = text.codePointAt(i);
        appendCodePoint(cp);
        i += Character.charCount(cp) - 1;
      }
    }
    return append('"');
  }

  /** Appends a non-negative number: every number gen-data writes (times, amounts, counts) is one. */
  ByteLine appendLong(long value) {
    return appendPadded(value, 1);
  }

  /** Appends a non-negative number with at least {@code width} digits, zero-padded. */
  ByteLine appendPadded(long value, int width) {
    if (value < 0) {
      throw new IllegalArgumentException("negative: " + value);
    }
    int digits = 1;
    for (long v = value / 10; v > 0; v /= 10) {
      digits++;
    }
    int total = Math.max(digits, width);
    ensure(total);
    int end = len + total;
    for (int i = end - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    len = end;
    return this;
  }

  /** Appends the low {@code digits} hex digits of {@code value}, lower-case. */
  ByteLine appendHex(long value, int digits) {
    ensure(digits);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      buf[len++] = HEX[(int) (value >>> shift) & 0xF];
    }
    return this;
  }

  void copyFrom(ByteLine other) {
    len = 0;
    append(other.buf, 0, other.len);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** The line as text; only for lines known to be ASCII or UTF-8 (ids, timestamps). */
  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
