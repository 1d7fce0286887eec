package io.mrsuite.jobs.revenue;

import io.mrsuite.formats.avro.RevenueDaily;
import io.mrsuite.jobs.run.MartCounters;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.shuffle.CountryKey;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * One country's row: the sum of its partials, revenue rounded half-even once. Counts what the rows add up
 * to, so the driver can check them against the join's counts.
 */
public class RevenueDailyReducer
    extends Reducer<AvroKey<CountryKey>, AvroValue<RevenuePartial>, Void, RevenueDaily> {
  private LocalDate eventDate;

  @Override
  protected void setup(Context context) {
    eventDate = PartitionDate.of(context.getConfiguration());
  }

  @Override
  protected void reduce(AvroKey<CountryKey> key, Iterable<AvroValue<RevenuePartial>> values, Context context)
      throws IOException, InterruptedException {
    RevenueSum sum = RevenueSum.of(values);
    context.write(null, sum.toRow(key.datum().getCountry(), eventDate));
    context.getCounter(MartCounters.ROWS).increment(1);
    context.getCounter(RevenueCounters.ROW_ORDERS).increment(sum.orders());
    context.getCounter(RevenueCounters.ROW_UNCONVERTED_ORDERS).increment(sum.unconvertedOrders());
    context.getCounter(RevenueCounters.ROW_ORPHAN_PURCHASES).increment(sum.orphanPurchases());
  }
}
