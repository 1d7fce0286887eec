package io.mrsuite.jobs.gendata;

/** Random-looking ids in UUID text form ({@code 8-4-4-4-12} hex digits, version 4, IETF variant). */
final class Uuids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Uuids() {
  }

  static String format(long hi, long lo) {
    long versioned = (hi & ~0xF000L) | 0x4000L;
    long variant = (lo & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    char[] out = new char[36];
    hex(out, 0, versioned >>> 32, 8);
    out[8] = '-';
    hex(out, 9, versioned >>> 16, 4);
    out[13] = '-';
    hex(out, 14, versioned, 4);
    out[18] = '-';
    hex(out, 19, variant >>> 48, 4);
    out[23] = '-';
    hex(out, 24, variant, 12);
    return new String(out);
  }

  private static void hex(char[] out, int at, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = HEX[(int) value & 0xF];
      value >>>= 4;
    }
  }
}
