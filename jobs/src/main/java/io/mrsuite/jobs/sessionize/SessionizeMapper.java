package io.mrsuite.jobs.sessionize;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.jobs.measures.EventMeasures;
import io.mrsuite.jobs.shuffle.ShuffleMapper;

/**
 * Keys each event for the session sort and keeps of it only what a session needs.
 *
 * <p>The key is (visitor, event_time, event_id), the secondary sort of a session. A purchase's USD value is
 * computed here, exactly, from the rate enrichment attached.
 */
public class SessionizeMapper extends ShuffleMapper<EnrichedEvent, SessionKey, SessionEvent> {
  public SessionizeMapper() {
    super(new SessionKey(), new SessionEvent());
  }

  @Override
  protected boolean fill(EnrichedEvent enriched, SessionKey key, SessionEvent value, Context context) {
    Event event = enriched.getEvent();
    key.setVisitor(EventMeasures.visitor(event));
    long time = event.getEventTime().toEpochMilli();
    key.setEventTime(time);
    key.setEventId(event.getEventId());
    value.setEventTime(time);
    value.setEventType(event.getEventType());
    value.setCountry(event.getCountry());
    value.setPageUrl(event.getPageUrl());
    value.setDevice(event.getDevice());
    value.setPurchaseUsd(EventMeasures.purchaseUsd(event, enriched.getUsdPerUnit()));
    return true;
  }
}
