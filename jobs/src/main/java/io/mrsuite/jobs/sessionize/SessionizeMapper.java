package io.mrsuite.jobs.sessionize;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.jobs.measures.EventMeasures;
import io.mrsuite.jobs.run.RecordCounters;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Keys each event for the session sort and keeps of it only what a session needs.
 *
 * <p>The key is (visitor, event_time, event_id), the secondary sort of a session. A purchase's USD value is
 * computed here, exactly, from the rate enrichment attached.
 */
public class SessionizeMapper
    extends Mapper<AvroKey<EnrichedEvent>, NullWritable, AvroKey<SessionKey>, AvroValue<SessionEvent>> {
  private final SessionKey key = new SessionKey();
  private final SessionEvent value = new SessionEvent();
  private final AvroKey<SessionKey> outKey = new AvroKey<>(key);
  private final AvroValue<SessionEvent> outValue = new AvroValue<>(value);

  @Override
  protected void map(AvroKey<EnrichedEvent> input, NullWritable ignored, Context context)
      throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    EnrichedEvent enriched = input.datum();
    Event event = enriched.getEvent();
    key.setVisitor(EventMeasures.visitor(event));
    long time = event.getEventTime().toEpochMilli();
    key.setEventTime(time);
    key.setEventId(event.getEventId());
    value.setEventTime(time);
    value.setEventType(event.getEventType());
    value.setCountry(event.getCountry());
    value.setPageUrl(event.getPageUrl());
    value.setPurchaseUsd(EventMeasures.purchaseUsd(event, enriched.getUsdPerUnit()));
    context.write(outKey, outValue);
  }
}
