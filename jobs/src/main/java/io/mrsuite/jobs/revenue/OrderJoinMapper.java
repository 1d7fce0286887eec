package io.mrsuite.jobs.revenue;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Order side of the join by order_id, keying every exported copy of an order before its purchase events.
 *
 * <p>Copies have kind 0, so they sort before the order's purchase events, and among themselves by (export
 * date, source file, byte offset), the order in which the first export wins. Only what decides where the
 * order counts travels: its lines stay behind.
 */
public class OrderJoinMapper extends Mapper<AvroKey<Order>, NullWritable, AvroKey<JoinKey>, AvroValue<Object>> {
  static final int ORDER_KIND = 0;

  private final JoinKey key = new JoinKey();
  private final RevenueOrder order = new RevenueOrder();
  private final AvroKey<JoinKey> outKey = new AvroKey<>(key);
  private final AvroValue<Object> outValue = new AvroValue<>(order);

  @Override
  protected void map(AvroKey<Order> input, NullWritable ignored, Context context)
      throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    context.getCounter(RevenueCounters.ORDERS_READ).increment(1);
    Order exported = input.datum();
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
    context.write(outKey, outValue);
  }
}
