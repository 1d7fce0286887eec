package io.mrsuite.jobs.funnel;

import io.mrsuite.formats.avro.FunnelDaily;
import io.mrsuite.jobs.run.MartCounters;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.shuffle.CountryKey;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.mapreduce.Reducer;

/** One country's funnel row. */
public class FunnelDailyReducer extends Reducer<AvroKey<CountryKey>, AvroValue<FunnelCounts>, Void, FunnelDaily> {
  private LocalDate eventDate;

  @Override
  protected void setup(Context context) {
    eventDate = PartitionDate.of(context.getConfiguration());
  }

  @Override
  protected void reduce(AvroKey<CountryKey> key, Iterable<AvroValue<FunnelCounts>> values, Context context)
      throws IOException, InterruptedException {
    FunnelCounts total = new FunnelCountsSum().add(values).total();
    context.write(null, new FunnelDaily(key.datum().getCountry(), total.getSessions(), total.getWithProductView(),
        total.getWithAddToCart(), total.getWithCheckout(), total.getWithPurchase(), eventDate));
    context.getCounter(MartCounters.ROWS).increment(1);
  }
}
