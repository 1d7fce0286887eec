package io.mrsuite.formats.rules;

import java.math.BigDecimal;

/**
 * Money amounts: exact decimals, {@code >= 0}, at most 2 fraction digits as written, at most
 * {@value #MAX_INTEGER_DIGITS} integer digits (they are stored as decimal(18,2)).
 */
public final class Amounts {
  public static final int SCALE = 2;
  public static final int PRECISION = 18;
  public static final int MAX_INTEGER_DIGITS = PRECISION - SCALE;

  private Amounts() {
  }

  /**
   * Parses plain decimal text as found in CSV or a JSON string: digits, optionally a point and 1 or 2
   * digits. No sign, no exponent, no grouping.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static BigDecimal parsePlain(String text) {
    int n = text.length();
    int point = text.indexOf('.');
    int integerEnd = point < 0 ? n : point;
    if (integerEnd == 0 || !allDigits(text, 0, integerEnd)
        || (point >= 0 && (n - point - 1 < 1 || !allDigits(text, point + 1, n)))) {
      throw new IllegalArgumentException("not a plain decimal like 12, 12.5 or 12.50");
    }
    return check(new BigDecimal(text));
  }

  /**
   * Parses the text of a JSON number (any JSON form, exponents included) by the same rules.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static BigDecimal parseJsonNumber(String text) {
    return check(new BigDecimal(text));
  }

  private static BigDecimal check(BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative");
    }
    if (value.scale() > SCALE) {
      throw new IllegalArgumentException("more than " + SCALE + " fraction digits");
    }
    // Checked before setScale so a huge exponent never expands into a huge number.
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException("more than " + MAX_INTEGER_DIGITS + " integer digits");
    }
    return value.setScale(SCALE);
  }

  private static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
