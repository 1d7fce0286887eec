package io.mrsuite.jobs;

import io.mrsuite.jobs.compact.CompactJob;
import io.mrsuite.jobs.dedup.DedupEventsJob;
import io.mrsuite.jobs.dq.DqReportJob;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
import io.mrsuite.jobs.funnel.FunnelDailyJob;
import io.mrsuite.jobs.gendata.GenDataJob;
import io.mrsuite.jobs.ingest.csv.IngestFxJob;
import io.mrsuite.jobs.ingest.csv.IngestOrdersJob;
import io.mrsuite.jobs.ingest.csv.IngestProductsJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.pipeline.PipelineJob;
import io.mrsuite.jobs.productdaily.ProductDailyJob;
import io.mrsuite.jobs.revenue.RevenueDailyJob;
import io.mrsuite.jobs.sessionize.SessionizeJob;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.retention.RetentionJob;
import io.mrsuite.jobs.pull.PullEventsJob;
import io.mrsuite.jobs.storage.StorageReportJob;
import io.mrsuite.jobs.tables.TableMaintenanceJob;
import io.mrsuite.jobs.tables.TableQueryJob;
import io.mrsuite.jobs.topproducts.TopProductsJob;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.util.ProgramDriver;
import org.apache.hadoop.util.ToolRunner;

/**
 * The job jar's entry point, which runs any job by name.
 *
 * <p>{@code hadoop jar mrsuite-jobs.jar <job> [options]} runs a job, and no job name lists them all. Each job
 * is a Tool run through ToolRunner, so Hadoop's generic options work.
 */
public final class MrSuiteDriver {
  private MrSuiteDriver() {
  }

  /** Every job the jar runs, in pipeline order, with its one-line description. */
  public static Map<String, Job> jobs() {
    Map<String, Job> jobs = new LinkedHashMap<>();
    add(jobs, PullEventsJob.NAME, PullEventsJob.class,
        "a Kafka topic's new records -> raw/events/dt=D/hr=HH of their arrival hour, exactly once; hours closed with _SUCCESS");
    add(jobs, IngestEventsJob.NAME, IngestEventsJob.class,
        "raw events JSON Lines of one arrival date -> validated Avro in curated/events, rejects in quarantine");
    add(jobs, DedupEventsJob.NAME, DedupEventsJob.class,
        "curated events of event date X from arrivals X..X+late_days -> curated/events_dedup, first copy kept");
    add(jobs, EnrichEventsJob.NAME, EnrichEventsJob.class,
        "events_dedup of X + products and FX rates of X -> curated/events_enriched (map-side join, reduce-side when large)");
    add(jobs, SessionizeJob.NAME, SessionizeJob.class,
        "events_enriched of X -> curated/sessions: per visitor, 30-minute gap, cut at midnight UTC (secondary sort)");
    add(jobs, IngestOrdersJob.NAME, IngestOrdersJob.class,
        "orders + order_lines CSV of one export date -> curated/orders (lines nested), reduce-side join");
    add(jobs, IngestProductsJob.NAME, IngestProductsJob.class,
        "catalog snapshot CSV of one date -> curated/products, one record per product_id");
    add(jobs, IngestFxJob.NAME, IngestFxJob.class,
        "exchange rates CSV of one date -> curated/fx_rates, one rate per currency");
    add(jobs, ProductDailyJob.NAME, ProductDailyJob.class,
        "events_enriched of X -> marts/product_daily (Parquet): per product views, carts, purchases, revenue, unique viewers");
    add(jobs, FunnelDailyJob.NAME, FunnelDailyJob.class,
        "sessions of X -> marts/funnel_daily (Parquet): per session country, sessions reaching each funnel step");
    add(jobs, TopProductsJob.NAME, TopProductsJob.class,
        "product_daily of X -> marts/top_products (Parquet): the 10 highest-revenue products of each category");
    add(jobs, RevenueDailyJob.NAME, RevenueDailyJob.class,
        "orders exported X..X+late_days + purchase events of X -> marts/revenue_daily (Parquet): per country orders, revenue, orphans");
    add(jobs, CompactJob.NAME, CompactJob.class,
        "one partition of many small Avro or Parquet files -> files of --target-size, same records, swapped atomically");
    add(jobs, DqReportJob.NAME, DqReportJob.class,
        "every partition of D -> reports/dq/dt=D (dq.json, dq.html): books, column profiles, thresholds; exit 3 on FAIL");
    add(jobs, StorageReportJob.NAME, StorageReportJob.class,
        "per dataset and day of the last --days: files, bytes, average file size, compression ratio -> reports/storage/dt=D");
    add(jobs, RetentionJob.NAME, RetentionJob.class,
        "date partitions past a retention policy's window, deleted whole with --apply (listed without), never one still needed");
    add(jobs, TableMaintenanceJob.NAME, TableMaintenanceJob.class,
        "the mart tables' upkeep after compaction: compact days through Iceberg, expire old snapshots, remove orphans");
    add(jobs, TableQueryJob.NAME, TableQueryJob.class,
        "one SQL query (DuckDB, in-process) over the mart tables' current Iceberg snapshots, for a local warehouse");
    add(jobs, PipelineJob.NAME, Pipeline.class,
        "the ingest workflows of arrivals X..X+late_days, then the marts workflow of X, in-process: raw to marts locally");
    add(jobs, GenDataJob.NAME, GenDataJob.class,
        "synthetic, reproducible raw zone for N days: events, orders, order lines, products, FX rates");
    return jobs;
  }

  /** A job's class (its {@code main} runs it through ToolRunner) and what it does, in one line. */
  public record Job(Class<?> mainClass, String description) {
  }

  /** The tool of job {@code name}, for a workflow action run in this JVM; empty when the jar has no such job. */
  public static Optional<MrSuiteTool> tool(String name) {
    Job job = jobs().get(name);
    if (job == null || !MrSuiteTool.class.isAssignableFrom(job.mainClass())) {
      return Optional.empty();
    }
    try {
      return Optional.of((MrSuiteTool) job.mainClass().getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make the tool of job " + name, e);
    }
  }

  /** {@code pipeline} with this driver's jobs as the workflows' java actions, run in this JVM. */
  public static final class Pipeline extends PipelineJob {
    public Pipeline() {
      super(MrSuiteDriver.class.getName(), MrSuiteDriver::tool);
    }

    public static void main(String[] args) throws Exception {
      System.exit(ToolRunner.run(new Pipeline(), args));
    }
  }

  private static void add(Map<String, Job> jobs, String name, Class<?> mainClass, String description) {
    jobs.put(name, new Job(mainClass, description));
  }

  public static void main(String[] args) throws Throwable {
    System.exit(run(args));
  }

  static int run(String[] args) throws Throwable {
    Map<String, Job> jobs = jobs();
    if (args.length == 0 || isHelp(args[0])) {
      printJobs(args.length == 0 ? System.err : System.out, jobs);
      return args.length == 0 ? 2 : 0;
    }
    if (!jobs.containsKey(args[0])) {
      System.err.println("Error: unknown job '" + args[0] + "'");
      printJobs(System.err, jobs);
      return 2;
    }
    ProgramDriver driver = new ProgramDriver();
    for (Map.Entry<String, Job> entry : jobs.entrySet()) {
      driver.addClass(entry.getKey(), entry.getValue().mainClass(), entry.getValue().description());
    }
    return driver.run(args);
  }

  private static boolean isHelp(String arg) {
    return arg.equals("-h") || arg.equals("--help") || arg.equals("help");
  }

  private static void printJobs(PrintStream out, Map<String, Job> jobs) {
    out.println("Usage: hadoop jar mrsuite-jobs.jar <job> [generic options] [job options]");
    out.println("Jobs:");
    int width = jobs.keySet().stream().mapToInt(String::length).max().orElse(0);
    jobs.forEach((name, job) -> out.printf("  %-" + width + "s  %s%n", name, job.description()));
    out.println("Run a job with no options for its usage.");
  }
}
