package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.Product;
import io.mrsuite.jobs.cache.CachedAvroFiles;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;

/**
 * The day's catalog a map task loads from the distributed cache.
 *
 * <p>The task's FX rates come from {@link io.mrsuite.jobs.cache.CachedFxRates}.
 */
final class ReferenceTables {
  private ReferenceTables() {
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
