package io.mrsuite.jobs.gendata;

import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.JobFailures;
import io.mrsuite.jobs.run.PartitionPublisher;
import io.mrsuite.jobs.run.RunManifest;
import io.mrsuite.jobs.tool.Dates;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.util.ToolRunner;

/**
 * Writes a synthetic, reproducible raw zone for N days.
 *
 * <p>This is gen-data (DATA-CONTRACT.md sections 1-3). It writes clickstream events with retries, late
 * arrivals, bots and bad lines of every kind; the orders and order lines their purchases refer to, with bad
 * records; and the product catalog and FX rates.
 *
 * <p>Map-only, TeraGen-style: {@link ShardInputFormat} makes one synthetic split per (day, shard) and each
 * mapper writes its shard's files. Everything random derives from (seed, day, shard), so a plan always gives
 * byte-identical files, however many tasks run and in whatever order. Output is staged in a hidden directory
 * under the root and, once the job has succeeded and the counts are as planned, every raw partition gets its
 * {@code _SUCCESS} and is published whole, replacing an earlier one.
 */
public class GenDataJob extends MrSuiteTool {
  public static final String NAME = "gen-data";
  /**
   * The order the raw partitions of a day are published in: reference data first, events last, so that when a
   * day's events appear the orders and prices they refer to are already there.
   */
  private static final List<Dataset> PUBLISH_ORDER = List.of(Dataset.RAW_PRODUCTS, Dataset.RAW_FX_RATES,
      Dataset.RAW_ORDER_LINES, Dataset.RAW_ORDERS, Dataset.RAW_EVENTS);
  /** A bad rate above this is not data with some bad records in it any more. */
  static final double MAX_BAD_RATE = 0.5;

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --days N --events-per-day M --seed S [--start-date D] [--bad-rate R]"
        + " [--shards K] [--record-too-large]")
        .option("root", "ROOT", "warehouse root (local path or hdfs://...); writes raw/<dataset>/dt=D/")
        .option("days", "N", "number of days to generate")
        .option("start-date", "D", "first day YYYY-MM-DD (default " + GenDataKeys.DEFAULT_START_DATE + ")")
        .option("events-per-day", "M", "event records per day: non-empty lines in raw/events/dt=D, bad lines,"
            + " retries and late arrivals included")
        .option("seed", "S", "seed (a long); the same seed and options give byte-identical files")
        .option("bad-rate", "R", "share of bad records in events, orders and order lines, 0.." + MAX_BAD_RATE
            + " (default " + GenDataKeys.DEFAULT_BAD_RATE + ")")
        .option("shards", "K", "shards (map tasks, files per hour) per day (default ceil(M / "
            + GenDataPlan.EVENTS_PER_SHARD + "))")
        .flag("record-too-large", "also write one event line over 1 MiB per shard (RECORD_TOO_LARGE)");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    Path root = new Path(options.required("root"));
    options.required("days");
    int days = options.intValue("days", 0, 1);
    options.required("events-per-day");
    int eventsPerDay = options.intValue("events-per-day", 0, 1);
    long seed = parseSeed(options.required("seed"));
    LocalDate start = options.has("start-date") ? Dates.parseOption("start-date", options.get("start-date"))
        : GenDataKeys.DEFAULT_START_DATE;
    double badRate = options.has("bad-rate") ? parseBadRate(options.get("bad-rate")) : GenDataKeys.DEFAULT_BAD_RATE;
    int shards = options.intValue("shards", GenDataPlan.defaultShards(eventsPerDay), 1);
    if (shards > eventsPerDay) {
      throw new UsageException("--shards " + shards + " is more than --events-per-day " + eventsPerDay);
    }
    return generate(root, new GenDataPlan(start, days, eventsPerDay, shards, seed, badRate,
        options.has("record-too-large")));
  }

  private static long parseSeed(String text) throws UsageException {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--seed must be an integer (a Java long): " + text);
    }
  }

  private static double parseBadRate(String text) throws UsageException {
    double rate;
    try {
      rate = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--bad-rate must be a number: " + text);
    }
    if (!(rate >= 0 && rate <= MAX_BAD_RATE)) {
      throw new UsageException("--bad-rate must be between 0 and " + MAX_BAD_RATE + ": " + text);
    }
    return rate;
  }

  private int generate(Path root, GenDataPlan plan) throws IOException, InterruptedException,
      ClassNotFoundException {
    String range = plan.startDate() + ".." + plan.endDate();
    Job job = Job.getInstance(getConf(), NAME + " " + range + " seed " + plan.seed());
    Configuration conf = job.getConfiguration();
    job.setJarByClass(GenDataJob.class);
    GenDataKeys.setPlan(conf, plan);
    job.setInputFormatClass(ShardInputFormat.class);
    job.setMapperClass(GenDataMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(NullWritable.class);
    // The mappers write side-effect files only: the output format is there for its FileOutputCommitter, and
    // lazy so that it leaves no empty part files.
    LazyOutputFormat.setOutputFormatClass(job, TextOutputFormat.class);
    // The job's marker would only mark the staging root; each published partition gets its own instead.
    conf.setBoolean(FileOutputCommitter.SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, false);

    String runId = UUID.randomUUID().toString();
    FileSystem fs = root.getFileSystem(conf);
    PartitionPublisher publisher = new PartitionPublisher(fs, runId);
    // One hidden staging directory under the root for all partitions, so that publishing each is a rename.
    Path staged = publisher.stagingFor(new Path(root, NAME));
    FileOutputFormat.setOutputPath(job, staged);
    Instant started = Instant.now();
    try {
      JobFailures.await(job, NAME + " " + range);
      Counters counters = job.getCounters();
      List<String> problems = unplanned(counters, plan);
      if (!problems.isEmpty()) {
        throw new JobFailedException(NAME + " " + range + ": the output is not what was planned, nothing published: "
            + String.join("; ", problems));
      }
      Warehouse stagedZone = new Warehouse(staged);
      Warehouse warehouse = new Warehouse(root);
      for (int day = 0; day < plan.days(); day++) {
        LocalDate date = plan.date(day);
        for (Dataset dataset : PUBLISH_ORDER) {
          Path partition = stagedZone.partition(dataset, date);
          if (!fs.exists(partition)) {
            throw new JobFailedException(NAME + ": the job wrote nothing to " + partition + ", nothing more published");
          }
          manifest(job, runId, plan, dataset, date, started).writeTo(fs, partition);
          fs.create(new Path(partition, FileOutputCommitter.SUCCEEDED_FILE_NAME), true).close();
          publisher.publish(partition, warehouse.partition(dataset, date));
        }
      }
      printSummary(System.out, plan, counters, root);
      return 0;
    } finally {
      if (fs.exists(staged)) {
        publisher.discard(staged);
      }
    }
  }

  /** What is fixed by the plan and must come out exactly so; one line per difference. */
  private static List<String> unplanned(Counters counters, GenDataPlan plan) {
    List<String> problems = new ArrayList<>();
    expect(problems, counters, GenDataCounters.EVENT_RECORDS, (long) plan.days() * plan.eventsPerDay());
    expect(problems, counters, GenDataCounters.PRODUCTS, (long) plan.days() * Catalog.SIZE);
    expect(problems, counters, GenDataCounters.FX_RATES, (long) plan.days() * CurrencyCode.values().length);
    return problems;
  }

  private static void expect(List<String> problems, Counters counters, GenDataCounters counter, long expected) {
    long actual = counters.findCounter(counter).getValue();
    if (actual != expected) {
      problems.add(counter + " " + actual + " != planned " + expected);
    }
  }

  private static RunManifest manifest(Job job, String runId, GenDataPlan plan, Dataset dataset, LocalDate date,
      Instant started) {
    return new RunManifest(NAME, job.getJobID().toString(), runId)
        .put("dataset", dataset.dir())
        .put("date", date.toString())
        .put("seed", plan.seed())
        .put("start_date", plan.startDate().toString())
        .put("days", plan.days())
        .put("events_per_day", plan.eventsPerDay())
        .put("shards", plan.shards())
        .put("bad_rate", Double.toString(plan.badRate()))
        .put("record_too_large", Boolean.toString(plan.recordTooLarge()))
        .put("started", started.toString())
        .put("finished", Instant.now().toString());
  }

  private static void printSummary(PrintStream out, GenDataPlan plan, Counters counters, Path root) {
    out.printf("%s %s..%s (%d day(s)), seed %d: %d events/day in %d shard(s), bad rate %s%n", NAME,
        plan.startDate(), plan.endDate(), plan.days(), plan.seed(), plan.eventsPerDay(), plan.shards(),
        plan.badRate());
    out.printf("  events:      %d records (%d bad), %d empty lines; %d retries, %d late arrivals, %d bot events,"
        + " %d sessions%n", count(counters, GenDataCounters.EVENT_RECORDS),
        count(counters, GenDataCounters.BAD_EVENT_RECORDS), count(counters, GenDataCounters.EMPTY_LINES),
        count(counters, GenDataCounters.RETRIED_EVENTS), count(counters, GenDataCounters.LATE_ARRIVALS),
        count(counters, GenDataCounters.BOT_EVENTS), count(counters, GenDataCounters.SESSIONS));
    out.printf("  orders:      %d records (%d bad); order lines %d (%d bad, %d more of bad orders)%n",
        count(counters, GenDataCounters.ORDERS), count(counters, GenDataCounters.BAD_ORDERS),
        count(counters, GenDataCounters.ORDER_LINES), count(counters, GenDataCounters.BAD_ORDER_LINES),
        count(counters, GenDataCounters.LINES_OF_BAD_ORDERS));
    out.printf("  reference:   %d products, %d fx rates per day%n", Catalog.SIZE, CurrencyCode.values().length);
    printKinds(out, "bad events:  ", BadEvent.values(), counters);
    printKinds(out, "bad orders:  ", BadOrder.values(), counters);
    printKinds(out, "bad lines:   ", BadOrderLine.values(), counters);
    out.printf("  written:     %s/raw/{products,fx_rates,order_lines,orders,events}/dt=%s..dt=%s, each with %s%n",
        root, plan.startDate(), plan.endDate(), FileOutputCommitter.SUCCEEDED_FILE_NAME);
  }

  private static void printKinds(PrintStream out, String label, Enum<?>[] kinds, Counters counters) {
    StringBuilder line = new StringBuilder("  ").append(label);
    for (Enum<?> kind : kinds) {
      line.append(' ').append(kind.name()).append(' ').append(counters.findCounter(kind).getValue());
    }
    out.println(line);
  }

  private static long count(Counters counters, GenDataCounters counter) {
    return counters.findCounter(counter).getValue();
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new GenDataJob(), args));
  }
}
