package io.mrsuite.jobs.revenue;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.records.CombinedAvroKeyInputFormat;
import io.mrsuite.jobs.cache.CachedFxRates;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.JobPaths;
import io.mrsuite.jobs.run.MartRun;
import io.mrsuite.jobs.run.RecordBooks;
import io.mrsuite.jobs.run.RepeatableAvroKeyOutputFormat;
import io.mrsuite.jobs.run.StagedRecords;
import io.mrsuite.jobs.shuffle.CountryKey;
import io.mrsuite.jobs.shuffle.JoinKeyShuffle;
import io.mrsuite.jobs.tool.DatasetJob;
import io.mrsuite.jobs.tool.JobInput;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.util.ToolRunner;

/**
 * Builds the revenue_daily mart of event date X, one row per country, in two MapReduce jobs.
 *
 * <p>This is {@code revenue-daily --date X}, writing {@code marts/revenue_daily/dt=X} (DATA-CONTRACT.md
 * section 4.7). Both jobs are run by this one Tool.
 *
 * <ol>
 *   <li>The join: the orders of exports X .. X+late_days and the candidate purchase events of X, by order_id
 *       (orders first, by export date, file and offset, so the first export wins; see {@link RevenueJoinReducer}),
 *       the FX rates of X in the distributed cache. Each reducer writes one partial sum per country into a
 *       hidden directory beside the partition ({@code _partials.dt=X.<run>/partials}), deleted when the run ends.
 *   <li>The rows: the partials summed per country (with a combiner), revenue rounded half-even once, written
 *       as Parquet through {@link MartRun}. It runs only when the join succeeded.
 * </ol>
 *
 * <p>Books, for the job as a whole (the join reads every input record): read = orders read + events read;
 * written = counted orders + orphan purchases (each is in exactly one row); skipped = orders whose first
 * export has another date or an uncounted status, events that are not purchases, and purchases whose order was
 * exported; duplicates removed = later exports of an order. {@link RevenueBooks} checks each of these sums
 * and that the rows add up to the join's counts; when anything disagrees nothing is published.
 */
public class RevenueDailyJob extends DatasetJob {
  public static final String NAME = "revenue-daily";
  /** Names the hidden directory of the join's output. */
  static final String PARTIALS = "partials";
  private static final String ORDERS = "orders";
  private static final String EVENTS = "events";
  private static final String FX_RATES = "fx-rates";

  public RevenueDailyJob() {
    super(NAME, Dataset.REVENUE_DAILY, List.of(JobInput.lateDays(ORDERS, Dataset.ORDERS),
        JobInput.day(EVENTS, Dataset.EVENTS_ENRICHED), JobInput.day(FX_RATES, Dataset.FX_RATES)));
  }

  @Override
  protected void run(JobPaths paths, JobOptions.Parsed options) throws IOException, InterruptedException,
      ClassNotFoundException {
    MartRun run = new MartRun(NAME, paths, getConf(), oozieAction());
    Path partials = run.intermediate(PARTIALS);
    try {
      Job join = joinJob(paths, partials);
      Counters joined = run.runStage(join);
      Job rows = rowsJob(paths.date(), partials);
      run.configureOutput(rows, output());
      long partialsInFiles = StagedRecords.avro(partials.getFileSystem(getConf()), partials, getConf());
      run.runAndPublish(rows, RecordBooks.from(joined),
          counters -> RevenueBooks.problems(joined, partialsInFiles, counters),
          Map.of("event_date", paths.date().toString(), "join_job_id", join.getJobID().toString()));
    } finally {
      run.discard(partials);
    }
  }

  private Job joinJob(JobPaths paths, Path partials) throws IOException {
    LocalDate date = paths.date();
    Job job = Job.getInstance(getConf(), NAME + " dt=" + date + " join");
    job.setJarByClass(RevenueDailyJob.class);
    Configuration conf = job.getConfiguration();
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    // One reader schema for both inputs: Avro resolves each file's writer schema to its branch of the union.
    AvroJob.setInputKeySchema(job, Schema.createUnion(Order.getClassSchema(), EnrichedEvent.getClassSchema()));
    for (Path exportPartition : paths.input(ORDERS)) {
      MultipleInputs.addInputPath(job, exportPartition, AvroKeyInputFormat.class, OrderJoinMapper.class);
    }
    MultipleInputs.addInputPath(job, paths.single(EVENTS), AvroKeyInputFormat.class, PurchaseJoinMapper.class);
    CachedFxRates.ship(job, paths.single(FX_RATES));
    JoinKeyShuffle.configure(job, Schema.createUnion(RevenueOrder.getClassSchema(), RevenuePurchase.getClassSchema()));
    job.setReducerClass(RevenueJoinReducer.class);
    AvroJob.setOutputKeySchema(job, RevenuePartial.getClassSchema());
    job.setOutputValueClass(NullWritable.class);
    // A reducer whose groups add to no country writes no file.
    LazyOutputFormat.setOutputFormatClass(job, RepeatableAvroKeyOutputFormat.class);
    FileOutputFormat.setCompressOutput(job, true);
    if (conf.get(AvroJob.CONF_OUTPUT_CODEC) == null) {
      conf.set(AvroJob.CONF_OUTPUT_CODEC, CuratedRun.DEFAULT_AVRO_CODEC);
    }
    FileOutputFormat.setOutputPath(job, partials);
    return job;
  }

  private Job rowsJob(LocalDate date, Path partials) throws IOException {
    Job job = Job.getInstance(getConf(), NAME + " dt=" + date + " rows");
    job.setJarByClass(RevenueDailyJob.class);
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    job.setInputFormatClass(CombinedAvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, RevenuePartial.getClassSchema());
    FileInputFormat.setInputPaths(job, partials);
    job.setMapperClass(PartialByCountryMapper.class);
    AvroJob.setMapOutputKeySchema(job, CountryKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job, RevenuePartial.getClassSchema());
    job.setCombinerClass(RevenuePartialCombiner.class);
    job.setReducerClass(RevenueDailyReducer.class);
    return job;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new RevenueDailyJob(), args));
  }
}
