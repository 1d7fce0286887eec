package io.mrsuite.jobs.gendata;

/** Every product's price on one day in every currency, converted once per shard rather than per event. */
final class DayPrices {
  private final long[][] minorByCurrency;

  DayPrices(Catalog catalog, FxRates rates, long epochDay) {
    CurrencyCode[] currencies = CurrencyCode.values();
    minorByCurrency = new long[currencies.length][catalog.size()];
    for (int p = 0; p < catalog.size(); p++) {
      long usdCents = catalog.priceCents(p, epochDay);
      for (CurrencyCode currency : currencies) {
        minorByCurrency[currency.ordinal()][p] = rates.fromUsdCents(usdCents, currency);
      }
    }
  }

  long price(int product, CurrencyCode currency) {
    return minorByCurrency[currency.ordinal()][product];
  }
}
