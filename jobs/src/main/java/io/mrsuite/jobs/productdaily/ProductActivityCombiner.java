package io.mrsuite.jobs.productdaily;

import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Sums the activity of one (product_id, viewer) key. Correct as a combiner because every field is a sum
 * and the key is kept whole: the combiner groups on the full key (Hadoop's default combiner grouping is the
 * sort comparator), so the views of different visitors are never merged and the distinct count survives.
 */
public class ProductActivityCombiner
    extends Reducer<AvroKey<ProductViewerKey>, AvroValue<ProductActivity>, AvroKey<ProductViewerKey>,
        AvroValue<ProductActivity>> {
  private final AvroValue<ProductActivity> out = new AvroValue<>();

  @Override
  protected void reduce(AvroKey<ProductViewerKey> key, Iterable<AvroValue<ProductActivity>> values, Context context)
      throws IOException, InterruptedException {
    ProductActivitySum sum = new ProductActivitySum();
    for (AvroValue<ProductActivity> value : values) {
      sum.add(value.datum());
    }
    out.datum(sum.toActivity(key.datum().getViewer()));
    context.write(key, out);
  }
}
