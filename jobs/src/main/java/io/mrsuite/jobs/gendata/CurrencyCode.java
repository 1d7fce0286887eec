package io.mrsuite.jobs.gendata;

/**
 * The currencies the shop sells in. Amounts are handled as longs in minor units (cents; whole yen for JPY,
 * which has no fraction), so every sum the contract checks ({@code total = subtotal + shipping + tax}) is
 * exact.
 */
enum CurrencyCode {
  EUR(2, 108_000_000L, 390, 3_900),
  GBP(2, 127_000_000L, 349, 4_000),
  JPY(0, 670_000L, 500, 5_000),
  USD(2, 100_000_000L, 499, 5_000);

  /** usd_per_unit is written with this many fraction digits at most (contract section 3). */
  static final int RATE_SCALE = 8;
  static final long RATE_UNIT = 100_000_000L;

  private final int fractionDigits;
  private final long baseUsdPerUnit;
  private final long shippingMinor;
  private final long freeShippingFromMinor;

  CurrencyCode(int fractionDigits, long baseUsdPerUnit, long shippingMinor, long freeShippingFromMinor) {
    this.fractionDigits = fractionDigits;
    this.baseUsdPerUnit = baseUsdPerUnit;
    this.shippingMinor = shippingMinor;
    this.freeShippingFromMinor = freeShippingFromMinor;
  }

  int fractionDigits() {
    return fractionDigits;
  }

  /** USD for one unit, in units of 1e-8, before the day's drift. */
  long baseUsdPerUnit() {
    return baseUsdPerUnit;
  }

  /** Shipping for an order of this subtotal: flat below a threshold, free from it. */
  long shippingFor(long subtotalMinor) {
    return subtotalMinor >= freeShippingFromMinor ? 0 : shippingMinor;
  }
}
