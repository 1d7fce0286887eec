package io.mrsuite.jobs.funnel;

import org.apache.avro.mapred.AvroValue;

/** Adds up funnel counts; it copies the numbers, so the caller may reuse its records. */
final class FunnelCountsSum {
  private final FunnelCounts total = new FunnelCounts(0L, 0L, 0L, 0L, 0L);

  FunnelCountsSum add(Iterable<AvroValue<FunnelCounts>> values) {
    for (AvroValue<FunnelCounts> value : values) {
      FunnelCounts counts = value.datum();
      total.setSessions(total.getSessions() + counts.getSessions());
      total.setWithProductView(total.getWithProductView() + counts.getWithProductView());
      total.setWithAddToCart(total.getWithAddToCart() + counts.getWithAddToCart());
      total.setWithCheckout(total.getWithCheckout() + counts.getWithCheckout());
      total.setWithPurchase(total.getWithPurchase() + counts.getWithPurchase());
    }
    return this;
  }

  FunnelCounts total() {
    return total;
  }
}
