package io.mrsuite.jobs.revenue;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.jobs.shuffle.JoinKey;
import io.mrsuite.jobs.shuffle.ShuffleMapper;

/**
 * Order side of the join by order_id, keying every exported copy of an order before its purchase events.
 *
 * <p>Copies have kind 0, so they sort before the order's purchase events, and among themselves by (export
 * date, source file, byte offset), the order in which the first export wins. Only what decides where the
 * order counts travels: its lines stay behind.
 */
public class OrderJoinMapper extends ShuffleMapper<Order, JoinKey, Object> {
  static final int ORDER_KIND = 0;

  private final RevenueOrder order;

  public OrderJoinMapper() {
    this(new RevenueOrder());
  }

  private OrderJoinMapper(RevenueOrder order) {
    super(new JoinKey(), order);
    this.order = order;
  }

  @Override
  protected boolean fill(Order exported, JoinKey key, Object value, Context context) {
    context.getCounter(RevenueCounters.ORDERS_READ).increment(1);
    key.setKey(exported.getOrderId());
    key.setKind(ORDER_KIND);
    key.setSequence((int) exported.getExportDate().toEpochDay());
    key.setSourceFile(exported.getSourceFile());
    key.setSourceOffset(exported.getSourceOffset());
    order.setOrderDate(exported.getOrderDate());
    order.setStatus(exported.getStatus());
    order.setCurrency(exported.getCurrency());
    order.setTotal(exported.getTotal());
    order.setShippingCountry(exported.getShippingCountry());
    return true;
  }
}
