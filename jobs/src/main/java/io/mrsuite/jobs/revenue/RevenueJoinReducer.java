package io.mrsuite.jobs.revenue;

import io.mrsuite.formats.avro.OrderStatus;
import io.mrsuite.jobs.cache.CachedFxRates;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Joins an order's exported copies and its purchase events, one call per order_id.
 *
 * <p>The copies come first, by export date, file and offset, then the purchase events. The first copy
 * decides: it counts under its shipping_country when its order date is X and its status paid, shipped or
 * delivered; later copies are duplicates removed. Purchase events are orphans, under their own country, only
 * in a group without any order, whatever that order's date or status. The first copy is used before the
 * iterator moves on, since the framework reuses value objects.
 *
 * <p>Sums are kept per country for the whole task and written in {@link #cleanup}, one partial per country:
 * countries are two letters (at most 677 with null), so memory stays small while the second stage reads a
 * handful of records instead of one per order.
 */
public class RevenueJoinReducer
    extends Reducer<AvroKey<JoinKey>, AvroValue<Object>, AvroKey<RevenuePartial>, NullWritable> {
  private static final Set<OrderStatus> COUNTED_STATUSES =
      EnumSet.of(OrderStatus.paid, OrderStatus.shipped, OrderStatus.delivered);

  private final Map<String, RevenueSum> byCountry = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
  private final AvroKey<RevenuePartial> out = new AvroKey<>();
  private LocalDate eventDate;
  private Map<String, BigDecimal> fxRates;

  @Override
  protected void setup(Context context) throws IOException {
    eventDate = PartitionDate.of(context.getConfiguration());
    fxRates = CachedFxRates.load(context);
  }

  @Override
  protected void reduce(AvroKey<JoinKey> key, Iterable<AvroValue<Object>> values, Context context) {
    boolean first = true;
    boolean exported = false;
    for (AvroValue<Object> value : values) {
      if (value.datum() instanceof RevenueOrder order) {
        if (first) {
          exported = true;
          countFirstExport(order, context);
        } else {
          context.getCounter(RecordCounters.DUPLICATES_REMOVED).increment(1);
        }
      } else if (exported) {
        context.getCounter(RevenueCounters.MATCHED_PURCHASES).increment(1);
        context.getCounter(RecordCounters.SKIPPED).increment(1);
      } else {
        sumOf(((RevenuePurchase) value.datum()).getCountry()).addOrphanPurchase();
        context.getCounter(RevenueCounters.ORPHAN_PURCHASES).increment(1);
        context.getCounter(RecordCounters.WRITTEN).increment(1);
      }
      first = false;
    }
  }

  private void countFirstExport(RevenueOrder order, Context context) {
    if (!order.getOrderDate().equals(eventDate)) {
      context.getCounter(RevenueCounters.OTHER_DATE_ORDERS).increment(1);
      context.getCounter(RecordCounters.SKIPPED).increment(1);
      return;
    }
    if (!COUNTED_STATUSES.contains(order.getStatus())) {
      context.getCounter(RevenueCounters.UNCOUNTED_STATUS_ORDERS).increment(1);
      context.getCounter(RecordCounters.SKIPPED).increment(1);
      return;
    }
    BigDecimal rate = fxRates.get(order.getCurrency());
    sumOf(order.getShippingCountry()).addOrder(rate == null ? null : RevenueSum.exactUsd(order.getTotal(), rate));
    context.getCounter(RevenueCounters.COUNTED_ORDERS).increment(1);
    if (rate == null) {
      context.getCounter(RevenueCounters.UNCONVERTED_ORDERS).increment(1);
    }
    context.getCounter(RecordCounters.WRITTEN).increment(1);
  }

  private RevenueSum sumOf(String country) {
    return byCountry.computeIfAbsent(country, c -> new RevenueSum());
  }

  @Override
  protected void cleanup(Context context) throws IOException, InterruptedException {
    for (Map.Entry<String, RevenueSum> entry : byCountry.entrySet()) {
      out.datum(entry.getValue().toPartial(entry.getKey()));
      context.write(out, NullWritable.get());
    }
  }
}
