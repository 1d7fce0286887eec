package io.mrsuite.formats.rules;

import java.math.BigDecimal;

/**
 * Parses exact non-negative decimals with a fixed scale and precision.
 *
 * <p>An accepted value has at most {@code scale} fraction digits as written and at most
 * {@code precision - scale} integer digits, so it fits the Avro decimal it is stored as.
 */
public final class Decimals {
  /** Money amounts: decimal(18,2). */
  public static final Decimals MONEY = new Decimals(2, 18);
  /** Exchange rates (USD per unit): decimal(24,8). */
  public static final Decimals FX_RATE = new Decimals(8, 24);

  private final int scale;
  private final int precision;

  private Decimals(int scale, int precision) {
    this.scale = scale;
    this.precision = precision;
  }

  public int scale() {
    return scale;
  }

  public int precision() {
    return precision;
  }

  public int maxIntegerDigits() {
    return precision - scale;
  }

  /**
   * Parses plain decimal text as found in CSV or a JSON string: digits, optionally a point and 1 to
   * {@code scale} digits. No sign, no exponent, no grouping, no spaces.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public BigDecimal parsePlain(String text) {
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
  public BigDecimal parseJsonNumber(String text) {
    return check(new BigDecimal(text));
  }

  private BigDecimal check(BigDecimal value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative");
    }
    if (value.scale() > scale) {
      throw new IllegalArgumentException("more than " + scale + " fraction digits");
    }
    // Checked before setScale so a huge exponent never expands into a huge number.
    if (value.precision() - value.scale() > maxIntegerDigits()) {
      throw new IllegalArgumentException("more than " + maxIntegerDigits() + " integer digits");
    }
    return value.setScale(scale);
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
