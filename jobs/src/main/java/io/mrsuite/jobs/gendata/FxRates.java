package io.mrsuite.jobs.gendata;

import java.util.EnumMap;
import java.util.Map;

/**
 * One day's exchange rates, drawn so that every shard of the day agrees without talking to the others.
 *
 * <p>Rates are {@code usd_per_unit} in units of 1e-8. Each currency's base rate moves by up to one percent
 * either way, drawn from (seed, day, currency). USD is exactly 1.
 */
final class FxRates {
  private static final double MAX_DRIFT = 0.01;

  private final Map<CurrencyCode, Long> usdPerUnit = new EnumMap<>(CurrencyCode.class);

  FxRates(long seed, long epochDay) {
    for (CurrencyCode currency : CurrencyCode.values()) {
      long rate = currency.baseUsdPerUnit();
      if (currency != CurrencyCode.USD) {
        double drift = (Seeds.unit(Seeds.of(seed, Seeds.FX, epochDay, currency.ordinal())) * 2 - 1) * MAX_DRIFT;
        rate = Math.round(rate * (1 + drift));
      }
      usdPerUnit.put(currency, rate);
    }
  }

  long usdPerUnit(CurrencyCode currency) {
    return usdPerUnit.get(currency);
  }

  /** A USD price in cents converted to the currency's minor units, rounded half up. */
  long fromUsdCents(long usdCents, CurrencyCode currency) {
    long rate = usdPerUnit(currency);
    // minor = usd / rate * 10^digits = cents * 1e8 * 10^digits / (100 * rate)
    long numerator = usdCents * CurrencyCode.RATE_UNIT * (currency.fractionDigits() == 0 ? 1 : 100);
    long denominator = 100 * rate;
    return (numerator + denominator / 2) / denominator;
  }

  /** The rate as written in fx_rates.csv: at most 8 fraction digits, no trailing zeros ({@code 1}, {@code 1.0812}). */
  static String format(long usdPerUnit) {
    ByteLine out = new ByteLine();
    out.appendLong(usdPerUnit / CurrencyCode.RATE_UNIT);
    long fraction = usdPerUnit % CurrencyCode.RATE_UNIT;
    if (fraction != 0) {
      int digits = CurrencyCode.RATE_SCALE;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      out.append('.').appendPadded(fraction, digits);
    }
    return out.toString();
  }
}
