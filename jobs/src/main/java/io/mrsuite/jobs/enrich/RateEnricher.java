package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;

/**
 * Starts an event's enrichment with the FX rate of its currency, and counts what it found. It fills one
 * reused record (a builder per event would parse the unset fields' defaults each time): the mappers write it
 * before the next event, and the output serializes it on write.
 */
final class RateEnricher {
  private final Map<String, BigDecimal> fxRates;
  private final TaskInputOutputContext<?, ?, ?, ?> context;
  private final EnrichedEvent enriched = new EnrichedEvent();

  RateEnricher(Map<String, BigDecimal> fxRates, TaskInputOutputContext<?, ?, ?, ?> context) {
    this.fxRates = fxRates;
    this.context = context;
  }

  /** The event with the rate of its currency (null without one), not (yet) in the catalog; valid until the next call. */
  EnrichedEvent enrich(Event event) {
    BigDecimal rate = null;
    if (event.getCurrency() == null) {
      context.getCounter(EnrichCounters.NO_CURRENCY).increment(1);
    } else {
      rate = fxRates.get(event.getCurrency());
      context.getCounter(rate == null ? EnrichCounters.NO_RATE : EnrichCounters.RATE_FOUND).increment(1);
    }
    enriched.setEvent(event);
    enriched.setInCatalog(false);
    enriched.setCategory(null);
    enriched.setBrand(null);
    enriched.setUsdPerUnit(rate);
    return enriched;
  }
}
