package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Product;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;

/** The day's reference data a map task loads from the distributed cache. */
final class ReferenceTables {
  private ReferenceTables() {
  }

  /** currency -> USD per unit, from the FX rates partition (one rate per currency, as ingest-fx keeps it). */
  static Map<String, BigDecimal> fxRates(TaskInputOutputContext<?, ?, ?, ?> context) throws IOException {
    Map<String, BigDecimal> rates = new HashMap<>();
    CachedAvroFiles.read(context, EnrichEventsKeys.FX_RATES_LINK_PREFIX, FxRate.class,
        rate -> rates.put(rate.getCurrency(), rate.getUsdPerUnit()));
    return rates;
  }

  /** product_id -> category and brand, from the products partition (one record per product_id). */
  static Map<String, CatalogEntry> catalog(TaskInputOutputContext<?, ?, ?, ?> context) throws IOException {
    Map<String, CatalogEntry> catalog = new HashMap<>();
    long products = CachedAvroFiles.read(context, EnrichEventsKeys.CATALOG_LINK_PREFIX, Product.class,
        product -> catalog.put(product.getProductId(), CatalogEntry.of(product)));
    context.getCounter(EnrichCounters.CATALOG_PRODUCTS).increment(products);
    return catalog;
  }
}
