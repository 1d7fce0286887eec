package io.mrsuite.jobs.funnel;

import io.mrsuite.formats.avro.Session;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.CountryKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/** One session as its country's funnel counts: one session, and 1 at each step it reached. */
public class FunnelDailyMapper
    extends Mapper<AvroKey<Session>, NullWritable, AvroKey<CountryKey>, AvroValue<FunnelCounts>> {
  private final CountryKey key = new CountryKey();
  private final FunnelCounts counts = new FunnelCounts();
  private final AvroKey<CountryKey> outKey = new AvroKey<>(key);
  private final AvroValue<FunnelCounts> outValue = new AvroValue<>(counts);

  @Override
  protected void map(AvroKey<Session> input, NullWritable ignored, Context context)
      throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    Session session = input.datum();
    key.setCountry(session.getCountry());
    counts.setSessions(1);
    counts.setWithProductView(session.getProductViews() > 0 ? 1 : 0);
    counts.setWithAddToCart(session.getCartAdds() > 0 ? 1 : 0);
    counts.setWithCheckout(session.getCheckouts() > 0 ? 1 : 0);
    counts.setWithPurchase(session.getPurchases() > 0 ? 1 : 0);
    context.write(outKey, outValue);
    context.getCounter(RecordCounters.WRITTEN).increment(1);
  }
}
