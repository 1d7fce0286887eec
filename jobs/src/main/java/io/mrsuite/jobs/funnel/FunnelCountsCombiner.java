package io.mrsuite.jobs.funnel;

import io.mrsuite.jobs.shuffle.CountryKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.mapreduce.Reducer;

/** Sums a country's counts within a map task: correct as a combiner, every field is a plain sum. */
public class FunnelCountsCombiner
    extends Reducer<AvroKey<CountryKey>, AvroValue<FunnelCounts>, AvroKey<CountryKey>, AvroValue<FunnelCounts>> {
  @Override
  protected void reduce(AvroKey<CountryKey> key, Iterable<AvroValue<FunnelCounts>> values, Context context)
      throws IOException, InterruptedException {
    context.write(key, new AvroValue<>(new FunnelCountsSum().add(values).total()));
  }
}
