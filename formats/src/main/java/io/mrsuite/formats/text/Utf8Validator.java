package io.mrsuite.formats.text;

/**
 * Checks bytes for well-formed UTF-8 one at a time, so a line of any length can be checked as it streams.
 *
 * <p>The rules are those of Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF.
 */
public final class Utf8Validator {
  private int pending;
  private int lower = 0x80;
  private int upper = 0xBF;

  public void reset() {
    pending = 0;
    lower = 0x80;
    upper = 0xBF;
  }

  /** Feeds one byte; false when it cannot continue well-formed UTF-8. */
  public boolean accept(byte signed) {
    int b = signed & 0xFF;
    if (pending > 0) {
      if (b < lower || b > upper) {
        return false;
      }
      pending--;
      lower = 0x80;
      upper = 0xBF;
      return true;
    }
    if (b < 0x80) {
      return true;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b == 0xE0) {
      pending = 2;
      lower = 0xA0;
    } else if (b == 0xED) {
      pending = 2;
      upper = 0x9F;
    } else if (b >= 0xE1 && b <= 0xEF) {
      pending = 2;
    } else if (b == 0xF0) {
      pending = 3;
      lower = 0x90;
    } else if (b >= 0xF1 && b <= 0xF3) {
      pending = 3;
    } else if (b == 0xF4) {
      pending = 3;
      upper = 0x8F;
    } else {
      return false;
    }
    return true;
  }

  /** True when the bytes fed so far do not end inside a multi-byte sequence. */
  public boolean atBoundary() {
    return pending == 0;
  }
}
