package io.mrsuite.jobs.productdaily;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.jobs.measures.EventMeasures;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.ShuffleMapper;
import java.math.BigDecimal;

/**
 * Turns each enriched event that names a product into that product's activity, keyed by product and viewer.
 *
 * <p>The key is (product_id, viewer), where the viewer is the visitor for a product_view and empty otherwise.
 * So the combiner folds a product's other events into one record per map task and its views into one per
 * visitor. Events without a product are skipped: they are not this mart's.
 */
public class ProductDailyMapper extends ShuffleMapper<EnrichedEvent, ProductViewerKey, ProductActivity> {
  static final String NOT_A_VIEW = "";
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(EventMeasures.EXACT_USD_SCALE);

  public ProductDailyMapper() {
    super(new ProductViewerKey(), new ProductActivity());
  }

  @Override
  protected boolean fill(EnrichedEvent enriched, ProductViewerKey key, ProductActivity activity, Context context) {
    Event event = enriched.getEvent();
    if (event.getProductId() == null) {
      context.getCounter(RecordCounters.SKIPPED).increment(1);
      return false;
    }
    EventType type = event.getEventType();
    boolean purchase = type == EventType.purchase;
    BigDecimal usd = EventMeasures.purchaseUsd(event, enriched.getUsdPerUnit());
    String viewer = type == EventType.product_view ? EventMeasures.visitor(event) : NOT_A_VIEW;
    key.setProductId(event.getProductId());
    key.setViewer(viewer);
    activity.setViewer(viewer);
    activity.setCategory(enriched.getCategory());
    activity.setBrand(enriched.getBrand());
    activity.setViews(type == EventType.product_view ? 1 : 0);
    activity.setAddToCarts(type == EventType.add_to_cart ? 1 : 0);
    activity.setPurchases(purchase ? 1 : 0);
    activity.setUnitsSold(purchase ? event.getQuantity() : 0);
    activity.setRevenueUsd(usd == null ? ZERO : usd);
    activity.setUnconvertedPurchases(purchase && usd == null ? 1 : 0);
    context.getCounter(RecordCounters.WRITTEN).increment(1);
    return true;
  }
}
