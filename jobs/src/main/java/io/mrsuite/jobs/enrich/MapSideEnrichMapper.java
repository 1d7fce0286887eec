package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.jobs.cache.CachedFxRates;
import io.mrsuite.jobs.run.RecordCounters;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/** Map-side join: each task loads the whole catalog and the FX rates from the distributed cache. */
public class MapSideEnrichMapper extends Mapper<AvroKey<Event>, NullWritable, AvroKey<EnrichedEvent>, NullWritable> {
  private final AvroKey<EnrichedEvent> out = new AvroKey<>();
  private RateEnricher rates;
  private CatalogEnricher catalogEnricher;
  private Map<String, CatalogEntry> catalog;

  @Override
  protected void setup(Context context) throws IOException {
    rates = new RateEnricher(CachedFxRates.load(context), context);
    catalogEnricher = new CatalogEnricher(context);
    catalog = ReferenceTables.catalog(context);
  }

  @Override
  protected void map(AvroKey<Event> key, NullWritable value, Context context) throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    Event event = key.datum();
    EnrichedEvent enriched = rates.enrich(event);
    catalogEnricher.enrich(enriched, event.getProductId() == null ? null : catalog.get(event.getProductId()));
    out.datum(enriched);
    context.write(out, NullWritable.get());
    context.getCounter(RecordCounters.WRITTEN).increment(1);
  }
}
