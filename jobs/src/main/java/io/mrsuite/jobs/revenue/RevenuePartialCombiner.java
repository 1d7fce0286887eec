package io.mrsuite.jobs.revenue;

import io.mrsuite.jobs.shuffle.CountryKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Sums the partials of one country into one. Correct as a combiner because every field is a sum and the
 * revenue stays exact (it is rounded only in the reducer), so combining any subset changes no row.
 */
public class RevenuePartialCombiner
    extends Reducer<AvroKey<CountryKey>, AvroValue<RevenuePartial>, AvroKey<CountryKey>, AvroValue<RevenuePartial>> {
  private final AvroValue<RevenuePartial> out = new AvroValue<>();

  @Override
  protected void reduce(AvroKey<CountryKey> key, Iterable<AvroValue<RevenuePartial>> values, Context context)
      throws IOException, InterruptedException {
    out.datum(RevenueSum.of(values).toPartial(key.datum().getCountry()));
    context.write(key, out);
  }
}
