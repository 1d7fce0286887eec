package io.mrsuite.jobs.revenue;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import io.mrsuite.jobs.shuffle.ShuffleMapper;

/**
 * Event side of the join by order_id, keying each candidate purchase event with its own country.
 *
 * <p>The key's kind 1 sorts the event after the order's exported copies. Other events are skipped: they are
 * not this mart's.
 */
public class PurchaseJoinMapper extends ShuffleMapper<EnrichedEvent, JoinKey, Object> {
  static final int PURCHASE_KIND = 1;
  /**
   * Join key of a purchase without an order_id (ingest-events rejects those, so only hand-made input has
   * them): no order has an empty id, so such a purchase is an orphan.
   */
  static final String NO_ORDER_ID = "";

  private final RevenuePurchase purchase;

  public PurchaseJoinMapper() {
    this(new RevenuePurchase());
  }

  private PurchaseJoinMapper(RevenuePurchase purchase) {
    super(new JoinKey(), purchase);
    this.purchase = purchase;
  }

  @Override
  protected boolean fill(EnrichedEvent enriched, JoinKey key, Object value, Context context) {
    context.getCounter(RevenueCounters.EVENTS_READ).increment(1);
    Event event = enriched.getEvent();
    if (event.getEventType() != EventType.purchase) {
      context.getCounter(RevenueCounters.NOT_PURCHASES).increment(1);
      context.getCounter(RecordCounters.SKIPPED).increment(1);
      return false;
    }
    key.setKey(event.getOrderId() == null ? NO_ORDER_ID : event.getOrderId());
    key.setKind(PURCHASE_KIND);
    key.setSequence(0);
    key.setSourceFile(event.getSourceFile());
    key.setSourceOffset(event.getSourceOffset());
    purchase.setCountry(event.getCountry());
    return true;
  }
}
