package io.mrsuite.jobs.topproducts;

import io.mrsuite.formats.avro.TopProduct;
import io.mrsuite.jobs.run.MartCounters;
import io.mrsuite.jobs.run.RecordCounters;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Ranks one category's products, keeping the first {@link #TOP} and counting the rest as skipped.
 *
 * <p>Products arrive by revenue descending, then product_id, by the secondary sort. So the first ones are the
 * category's ranks 1..10, and the rest are counted without being held.
 */
public class TopProductsReducer extends Reducer<AvroKey<RankedProductKey>, AvroValue<TopProduct>, Void, TopProduct> {
  static final int TOP = 10;

  @Override
  protected void reduce(AvroKey<RankedProductKey> key, Iterable<AvroValue<TopProduct>> values, Context context)
      throws IOException, InterruptedException {
    int rank = 0;
    for (AvroValue<TopProduct> value : values) {
      if (rank == TOP) {
        context.getCounter(RecordCounters.SKIPPED).increment(1);
        continue;
      }
      TopProduct row = value.datum();
      row.setRank(++rank);
      context.write(null, row);
      context.getCounter(RecordCounters.WRITTEN).increment(1);
      context.getCounter(MartCounters.ROWS).increment(1);
    }
  }
}
