package io.mrsuite.jobs.funnel;

import io.mrsuite.jobs.shuffle.CountryKey;
import io.mrsuite.jobs.tool.DailyMartJob;
import io.mrsuite.jobs.warehouse.Dataset;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;

/**
 * Counts, per session country, the sessions of event date X and how many reached each funnel step.
 *
 * <p>This is {@code funnel-daily --date X}, writing {@code marts/funnel_daily/dt=X}. The steps are a product
 * view, a cart add, a checkout and a purchase. A null country is its own row. Books: read = written =
 * sessions.
 */
public class FunnelDailyJob extends DailyMartJob {
  public static final String NAME = "funnel-daily";

  public FunnelDailyJob() {
    super(NAME, Dataset.SESSIONS, Dataset.FUNNEL_DAILY);
  }

  @Override
  protected void configure(Job job) {
    job.setMapperClass(FunnelDailyMapper.class);
    AvroJob.setMapOutputKeySchema(job, CountryKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job, FunnelCounts.getClassSchema());
    job.setCombinerClass(FunnelCountsCombiner.class);
    job.setReducerClass(FunnelDailyReducer.class);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new FunnelDailyJob(), args));
  }
}
