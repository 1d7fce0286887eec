package io.mrsuite.jobs.gendata;

/** Writes amounts held in minor units as the plain decimals of the contract ({@code 12.50}, {@code 1200}). */
final class Money {
  private Money() {
  }

  /** {@code 1250} EUR as {@code 12.50}; JPY {@code 1200} as {@code 1200}. */
  static ByteLine append(ByteLine out, long minor, CurrencyCode currency) {
    if (currency.fractionDigits() == 0) {
      return out.appendLong(minor);
    }
    return out.appendLong(minor / 100).append('.').appendPadded(minor % 100, 2);
  }

  /** As a JavaScript client serialises a number: {@code 12.5}, {@code 12}, {@code 12.05}. */
  static ByteLine appendShortest(ByteLine out, long minor, CurrencyCode currency) {
    if (currency.fractionDigits() == 0) {
      return out.appendLong(minor);
    }
    out.appendLong(minor / 100);
    long cents = minor % 100;
    if (cents == 0) {
      return out;
    }
    out.append('.');
    return cents % 10 == 0 ? out.appendLong(cents / 10) : out.appendPadded(cents, 2);
  }

  static String format(long minor, CurrencyCode currency) {
    return append(new ByteLine(), minor, currency).toString();
  }

  /** {@code round(amount * basisPoints / 10000)}, half up, for tax on a non-negative amount. */
  static long percentOf(long minor, int basisPoints) {
    return (minor * basisPoints + 5_000) / 10_000;
  }
}
