package io.mrsuite.jobs.revenue;

import io.mrsuite.formats.avro.CountryKey;
import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.JoinKey;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.RevenueDaily;
import io.mrsuite.formats.avro.RevenueOrder;
import io.mrsuite.formats.avro.RevenuePartial;
import io.mrsuite.formats.avro.RevenuePurchase;
import io.mrsuite.jobs.common.CachedFxRates;
import io.mrsuite.jobs.common.CompletePartitions;
import io.mrsuite.jobs.common.CuratedRun;
import io.mrsuite.jobs.common.Dates;
import io.mrsuite.jobs.common.JobOptions;
import io.mrsuite.jobs.common.MartKeys;
import io.mrsuite.jobs.common.MartRun;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.RecordBooks;
import io.mrsuite.jobs.common.UsageException;
import io.mrsuite.jobs.common.Warehouse;
import io.mrsuite.jobs.common.keyed.JoinKeyGroupingComparator;
import io.mrsuite.jobs.common.keyed.JoinKeyPartitioner;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
import io.mrsuite.jobs.ingest.IngestEventsKeys;
import io.mrsuite.jobs.orders.IngestOrdersJob;
import io.mrsuite.jobs.snapshot.IngestFxJob;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.avro.mapreduce.AvroKeyOutputFormat;
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
 * revenue-daily --date X: {@code marts/revenue_daily/dt=X}, one row per country (DATA-CONTRACT.md section
 * 4.7), in two jobs run by this one Tool.
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
public class RevenueDailyJob extends MrSuiteTool {
  public static final String NAME = "revenue-daily";
  public static final String TABLE = "revenue_daily";
  /** Names the hidden directory of the join's output. */
  static final String PARTIALS = "partials";

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date X [--late-days N] [--allow-missing]\n"
        + "--orders PATH[,PATH...] --events PATH --fx-rates PATH --output DIR --date X")
        .option("root", "ROOT", "warehouse root; reads curated/" + IngestOrdersJob.ORDERS + "/dt=X..X+N, curated/"
            + EnrichEventsJob.DATASET + "/dt=X and curated/" + IngestFxJob.DATASET + "/dt=X, each holding _SUCCESS")
        .option("date", "X", "event date YYYY-MM-DD")
        .option("late-days", "N", "order exports read after X (default " + IngestEventsKeys.DEFAULT_LATE_DAYS + ")")
        .flag("allow-missing", "run without order exports that are missing or incomplete (listed in the output)")
        .option("orders", "PATH[,PATH]", "curated order partitions, instead of --root")
        .option("events", "PATH", "enriched event partition of X (with --orders)")
        .option("fx-rates", "PATH", "FX rates partition of X (with --orders)")
        .option("output", "DIR", "mart partition to write (with --orders); replaced whole");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    Configuration conf = getConf();
    LocalDate date = Dates.parseOption("date", options.required("date"));
    List<Path> orders = new ArrayList<>();
    Path events;
    Path fxRates;
    Path output;
    if (options.has("root")) {
      if (options.has("orders") || options.has("events") || options.has("fx-rates") || options.has("output")) {
        throw new UsageException("give either --root or --orders/--events/--fx-rates/--output, not both");
      }
      Warehouse warehouse = new Warehouse(new Path(options.get("root")));
      int lateDays = options.intValue("late-days", IngestEventsKeys.DEFAULT_LATE_DAYS, 0);
      orders.addAll(CompletePartitions.range(NAME, warehouse.curatedDataset(IngestOrdersJob.ORDERS), date, lateDays,
          options.has("allow-missing"), conf));
      events = CompletePartitions.of(NAME, warehouse.curatedDataset(EnrichEventsJob.DATASET), date, conf);
      fxRates = CompletePartitions.of(NAME, warehouse.curatedDataset(IngestFxJob.DATASET), date, conf);
      output = warehouse.mart(TABLE, date);
    } else if (!options.has("orders")) {
      throw new UsageException("give --root and --date, or --orders, --events, --fx-rates, --output and --date");
    } else if (options.has("late-days") || options.has("allow-missing")) {
      throw new UsageException("--late-days and --allow-missing choose partitions under --root; with --orders,"
          + " name the partitions");
    } else {
      for (String path : options.get("orders").split(",")) {
        if (!path.isEmpty()) {
          orders.add(new Path(path));
        }
      }
      if (orders.isEmpty()) {
        throw new UsageException("--orders names no partition");
      }
      events = new Path(options.required("events"));
      fxRates = new Path(options.required("fx-rates"));
      output = new Path(options.required("output"));
    }

    MartRun run = new MartRun(NAME, date, output, conf, oozieAction());
    Path partials = run.intermediate(PARTIALS);
    try {
      Job join = joinJob(date, orders, events, fxRates, partials);
      Counters joined = run.runStage(join);
      Job rows = rowsJob(date, partials);
      run.configureOutput(rows, RevenueDaily.getClassSchema());
      List<Path> inputs = new ArrayList<>(orders);
      inputs.add(events);
      inputs.add(fxRates);
      run.runAndPublish(rows, RecordBooks.from(joined), counters -> RevenueBooks.problems(joined, counters), inputs,
          Map.of("event_date", date.toString(), "join_job_id", join.getJobID().toString()));
    } finally {
      run.discard(partials);
    }
    return 0;
  }

  private Job joinJob(LocalDate date, List<Path> orders, Path events, Path fxRates, Path partials)
      throws IOException {
    Job job = Job.getInstance(getConf(), NAME + " dt=" + date + " join");
    job.setJarByClass(RevenueDailyJob.class);
    Configuration conf = job.getConfiguration();
    MartKeys.setEventDate(conf, date);
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    // One reader schema for both inputs: Avro resolves each file's writer schema to its branch of the union.
    AvroJob.setInputKeySchema(job, Schema.createUnion(Order.getClassSchema(), EnrichedEvent.getClassSchema()));
    for (Path exportPartition : orders) {
      MultipleInputs.addInputPath(job, exportPartition, AvroKeyInputFormat.class, OrderJoinMapper.class);
    }
    MultipleInputs.addInputPath(job, events, AvroKeyInputFormat.class, PurchaseJoinMapper.class);
    CachedFxRates.ship(job, fxRates);
    AvroJob.setMapOutputKeySchema(job, JoinKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job,
        Schema.createUnion(RevenueOrder.getClassSchema(), RevenuePurchase.getClassSchema()));
    job.setPartitionerClass(JoinKeyPartitioner.class);
    // After setMapOutputKeySchema, which sets Avro's full-key comparator for grouping as well.
    job.setGroupingComparatorClass(JoinKeyGroupingComparator.class);
    job.setReducerClass(RevenueJoinReducer.class);
    AvroJob.setOutputKeySchema(job, RevenuePartial.getClassSchema());
    job.setOutputValueClass(NullWritable.class);
    // A reducer whose groups add to no country writes no file.
    LazyOutputFormat.setOutputFormatClass(job, AvroKeyOutputFormat.class);
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
    MartKeys.setEventDate(job.getConfiguration(), date);
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    job.setInputFormatClass(AvroKeyInputFormat.class);
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
