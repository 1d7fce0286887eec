package io.mrsuite.jobs.revenue;

import io.mrsuite.jobs.shuffle.CountryKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/** Second stage: keys each partial sum of the join by its country, so one reduce call builds a country's row. */
public class PartialByCountryMapper
    extends Mapper<AvroKey<RevenuePartial>, NullWritable, AvroKey<CountryKey>, AvroValue<RevenuePartial>> {
  private final CountryKey key = new CountryKey();
  private final AvroKey<CountryKey> outKey = new AvroKey<>(key);
  private final AvroValue<RevenuePartial> outValue = new AvroValue<>();

  @Override
  protected void map(AvroKey<RevenuePartial> input, NullWritable ignored, Context context)
      throws IOException, InterruptedException {
    key.setCountry(input.datum().getCountry());
    outValue.datum(input.datum());
    context.write(outKey, outValue);
  }
}
