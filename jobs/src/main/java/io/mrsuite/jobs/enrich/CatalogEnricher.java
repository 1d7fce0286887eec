package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.EnrichedEvent;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;

/** Sets what the catalog says of an event's product, and counts what it found. */
final class CatalogEnricher {
  private final TaskInputOutputContext<?, ?, ?, ?> context;

  CatalogEnricher(TaskInputOutputContext<?, ?, ?, ?> context) {
    this.context = context;
  }

  /** {@code entry} is the catalog record of the event's product_id, null when the catalog has none. */
  void enrich(EnrichedEvent enriched, CatalogEntry entry) {
    if (enriched.getEvent().getProductId() == null) {
      context.getCounter(EnrichCounters.NO_PRODUCT).increment(1);
      return;
    }
    context.getCounter(entry == null ? EnrichCounters.NOT_IN_CATALOG : EnrichCounters.IN_CATALOG).increment(1);
    if (entry != null) {
      enriched.setInCatalog(true);
      enriched.setCategory(entry.category());
      enriched.setBrand(entry.brand());
    }
  }
}
