package io.mrsuite.jobs.sessionize;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.avro.SessionEvent;
import io.mrsuite.formats.avro.SessionKey;
import io.mrsuite.jobs.common.RecordCounters;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Keys each event by (visitor, event_time, event_id), the secondary sort of a session, and keeps of it only
 * what a session needs. A purchase's USD value is computed here, exactly, from the rate enrichment attached.
 */
public class SessionizeMapper
    extends Mapper<AvroKey<EnrichedEvent>, NullWritable, AvroKey<SessionKey>, AvroValue<SessionEvent>> {
  /** Scale of SessionEvent.purchase_usd: a price's 2 places plus a rate's 8, so the product is exact. */
  static final int PURCHASE_USD_SCALE = 10;

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
    key.setVisitor(visitor(event));
    long time = event.getEventTime().toEpochMilli();
    key.setEventTime(time);
    key.setEventId(event.getEventId());
    value.setEventTime(time);
    value.setEventType(event.getEventType());
    value.setCountry(event.getCountry());
    value.setPageUrl(event.getPageUrl());
    value.setPurchaseUsd(purchaseUsd(event, enriched.getUsdPerUnit()));
    context.write(outKey, outValue);
  }

  /** The contract's visitor: the signed-in user when there is one, else the cookie. */
  static String visitor(Event event) {
    return event.getUserId() != null ? event.getUserId() : event.getAnonymousId();
  }

  /** price x quantity x rate for a purchase with a rate (scale 2 + 8 = 10, no rounding); null otherwise. */
  static BigDecimal purchaseUsd(Event event, BigDecimal usdPerUnit) {
    if (event.getEventType() != EventType.purchase || usdPerUnit == null || event.getPrice() == null) {
      return null;
    }
    return event.getPrice().multiply(BigDecimal.valueOf(event.getQuantity())).multiply(usdPerUnit)
        .setScale(PURCHASE_USD_SCALE, RoundingMode.UNNECESSARY);
  }
}
