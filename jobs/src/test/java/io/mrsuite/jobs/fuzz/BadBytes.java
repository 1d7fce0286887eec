package io.mrsuite.jobs.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Byte sequences producers write by mistake, and a way to put them inside a record. */
final class BadBytes {
  /** Each is ill-formed UTF-8 wherever it is put (Unicode 15, table 3-7). */
  private static final byte[][] NOT_UTF8 = {
      {(byte) 0xE9},                                             // Latin-1 é
      {(byte) 0xFF, (byte) 0xFE},                                // never in UTF-8
      {(byte) 0x80},                                             // a continuation byte alone
      {(byte) 0xC0, (byte) 0xAF},                                // overlong '/'
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},                   // a UTF-16 surrogate
      {(byte) 0xE2, (byte) 0x82},                                // a euro sign cut short
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},      // above U+10FFFF
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},  // a 5-byte form
  };

  private BadBytes() {
  }

  static byte[] notUtf8(SplittableRandom random) {
    return NOT_UTF8[random.nextInt(NOT_UTF8.length)].clone();
  }

  static byte[] insert(byte[] into, int at, byte[] bytes) {
    byte[] result = Arrays.copyOf(into, into.length + bytes.length);
    System.arraycopy(bytes, 0, result, at, bytes.length);
    System.arraycopy(into, at, result, at + bytes.length, into.length - at);
    return result;
  }

  static byte[] repeat(byte b, int count) {
    byte[] bytes = new byte[count];
    Arrays.fill(bytes, b);
    return bytes;
  }
}
