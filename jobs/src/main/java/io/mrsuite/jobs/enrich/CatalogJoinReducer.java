package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Reduce-side join of one product's catalog record with its events, one call per product_id.
 *
 * <p>The catalog record comes first, since kind 0 sorts first, then the events, streamed and written one by
 * one. Only the catalog entry is held, so a popular product costs time on one reducer, never memory.
 */
public class CatalogJoinReducer
    extends Reducer<AvroKey<JoinKey>, AvroValue<Object>, AvroKey<EnrichedEvent>, NullWritable> {
  private final AvroKey<EnrichedEvent> out = new AvroKey<>();
  private CatalogEnricher catalogEnricher;

  @Override
  protected void setup(Context context) {
    catalogEnricher = new CatalogEnricher(context);
  }

  @Override
  protected void reduce(AvroKey<JoinKey> key, Iterable<AvroValue<Object>> values, Context context)
      throws IOException, InterruptedException {
    CatalogEntry entry = null;
    for (AvroValue<Object> value : values) {
      if (value.datum() instanceof Product product) {
        // Copied out: the framework reuses the value object for the next record.
        entry = CatalogEntry.of(product);
        continue;
      }
      EnrichedEvent enriched = (EnrichedEvent) value.datum();
      catalogEnricher.enrich(enriched, entry);
      out.datum(enriched);
      context.write(out, NullWritable.get());
      context.getCounter(RecordCounters.WRITTEN).increment(1);
    }
  }
}
