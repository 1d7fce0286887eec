package io.mrsuite.jobs.productdaily;

import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.jobs.measures.EventMeasures;
import io.mrsuite.jobs.run.MartCounters;
import io.mrsuite.jobs.run.PartitionDate;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * One product's row. Its activity arrives sorted by viewer (the secondary sort), so a viewer's records are
 * neighbours and distinct viewers are counted by comparing each with the previous one: memory does not
 * grow with the number of visitors.
 */
public class ProductDailyReducer
    extends Reducer<AvroKey<ProductViewerKey>, AvroValue<ProductActivity>, Void, ProductDaily> {
  private LocalDate eventDate;

  @Override
  protected void setup(Context context) {
    eventDate = PartitionDate.of(context.getConfiguration());
  }

  @Override
  protected void reduce(AvroKey<ProductViewerKey> key, Iterable<AvroValue<ProductActivity>> values, Context context)
      throws IOException, InterruptedException {
    ProductActivitySum sum = new ProductActivitySum();
    long uniqueViewers = 0;
    String previousViewer = ProductDailyMapper.NOT_A_VIEW;
    for (AvroValue<ProductActivity> value : values) {
      ProductActivity activity = value.datum();
      String viewer = activity.getViewer();
      if (activity.getViews() > 0 && !viewer.equals(previousViewer)) {
        uniqueViewers++;
        previousViewer = viewer;
      }
      sum.add(activity);
    }
    context.write(null, new ProductDaily(key.datum().getProductId(), sum.category(), sum.brand(), sum.views(),
        sum.addToCarts(), sum.purchases(), sum.unitsSold(), EventMeasures.reportedUsd(sum.revenueUsd()),
        sum.unconvertedPurchases(), uniqueViewers, eventDate));
    context.getCounter(MartCounters.ROWS).increment(1);
  }
}
