package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.jobs.cache.CachedFxRates;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Event side of the reduce-side join, keying each event by its product_id after the product's catalog record.
 *
 * <p>The catalog record has kind 0 and sorts first. The mapper also attaches the FX rate, since the rates are
 * always small enough for the cache. An event without a product is keyed by its event_id, which spreads those
 * events over the reducers; the reducer leaves them out of the catalog even if a product_id happens to equal
 * that event_id.
 */
public class EventsJoinMapper extends Mapper<AvroKey<Event>, NullWritable, AvroKey<JoinKey>, AvroValue<Object>> {
  static final int EVENT_KIND = 1;

  private final AvroKey<JoinKey> outKey = new AvroKey<>();
  private final AvroValue<Object> outValue = new AvroValue<>();
  private RateEnricher rates;

  @Override
  protected void setup(Context context) throws IOException {
    rates = new RateEnricher(CachedFxRates.load(context), context);
  }

  @Override
  protected void map(AvroKey<Event> key, NullWritable value, Context context) throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    Event event = key.datum();
    String joinOn = event.getProductId() != null ? event.getProductId() : event.getEventId();
    outKey.datum(new JoinKey(joinOn, EVENT_KIND, 0, event.getSourceFile(), event.getSourceOffset()));
    outValue.datum(rates.enrich(event));
    context.write(outKey, outValue);
  }
}
