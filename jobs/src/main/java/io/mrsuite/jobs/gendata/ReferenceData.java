package io.mrsuite.jobs.gendata;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a day's full catalog snapshot and its FX rates: clean files, as a master-data export would be. */
final class ReferenceData {
  static final String PRODUCTS_HEADER = "product_id,title,category,brand,list_price,currency,active";
  static final String FX_HEADER = "currency,usd_per_unit";

  private ReferenceData() {
  }

  static void writeProducts(OutputStream out, Catalog catalog, long epochDay, ShardReporter reporter)
      throws IOException {
    ByteLine record = new ByteLine(256);
    CsvStyle.MINIMAL.end(record.appendText(PRODUCTS_HEADER)).writeTo(out);
    for (int i = 0; i < catalog.size(); i++) {
      Product product = catalog.product(i);
      record.clear();
      CsvStyle.MINIMAL.record(record, product.id(), product.title(), orEmpty(product.category()),
          orEmpty(product.brand()), Money.format(catalog.priceCents(i, epochDay), CurrencyCode.USD),
          CurrencyCode.USD.name(), Boolean.toString(product.active())).writeTo(out);
    }
    reporter.count(GenDataCounters.PRODUCTS, catalog.size());
  }

  static void writeFxRates(OutputStream out, FxRates rates, ShardReporter reporter) throws IOException {
    ByteLine record = new ByteLine(64);
    CsvStyle.MINIMAL.end(record.appendText(FX_HEADER)).writeTo(out);
    for (CurrencyCode currency : CurrencyCode.values()) {
      record.clear();
      CsvStyle.MINIMAL.record(record, currency.name(), FxRates.format(rates.usdPerUnit(currency))).writeTo(out);
    }
    reporter.count(GenDataCounters.FX_RATES, CurrencyCode.values().length);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
