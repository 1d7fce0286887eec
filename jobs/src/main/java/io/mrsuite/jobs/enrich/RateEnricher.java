package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;

/** Starts an event's enrichment with the FX rate of its currency, and counts what it found. */
final class RateEnricher {
  private final Map<String, BigDecimal> fxRates;
  private final TaskInputOutputContext<?, ?, ?, ?> context;

  RateEnricher(Map<String, BigDecimal> fxRates, TaskInputOutputContext<?, ?, ?, ?> context) {
    this.fxRates = fxRates;
    this.context = context;
  }

  /** The event with the rate of its currency (null without one), not (yet) in the catalog. */
  EnrichedEvent enrich(Event event) {
    BigDecimal rate = null;
    if (event.getCurrency() == null) {
      context.getCounter(EnrichCounters.NO_CURRENCY).increment(1);
    } else {
      rate = fxRates.get(event.getCurrency());
      context.getCounter(rate == null ? EnrichCounters.NO_RATE : EnrichCounters.RATE_FOUND).increment(1);
    }
    return EnrichedEvent.newBuilder().setEvent(event).setInCatalog(false).setUsdPerUnit(rate).build();
  }
}
