package io.mrsuite.jobs.pipeline;

import io.mrsuite.jobs.dq.DqReportJob;
import io.mrsuite.jobs.pull.PullEventsJob;
import io.mrsuite.jobs.run.ActionData;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.PartitionGuard;
import io.mrsuite.jobs.tool.Dates;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.ToolRunner;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * Builds the marts of event date X from raw data, running the same workflow files the Oozie coordinators run.
 *
 * <p>The command is {@code pipeline --root ROOT --date X [--dq-thresholds FILE]}, or {@code --from A --to B} for
 * a backfill of those days in order ({@link Backfill}). First the {@code ingest}
 * workflow runs for each arrival date X .. X + late_days that needs it ({@link IngestPlan}), then the
 * {@code marts} workflow for X. Each is executed in this JVM by {@link WorkflowRun} with the parameters its
 * coordinator would pass.
 *
 * <p>In local mode (what bin/mrsuite runs) that is the whole day on a laptop; with a cluster's configuration
 * the jobs are submitted to it, without Oozie. Exit 0 when the marts workflow SUCCEEDED, 1 when a workflow
 * was KILLED.
 */
public class PipelineJob extends MrSuiteTool {
  public static final String NAME = "pipeline";
  static final String INGEST_APP = "ingest";
  static final String MARTS_APP = "marts";
  /** The production thresholds of the marts workflow's dq gate, as built into the jar from oozie/. */
  static final String PRODUCTION_THRESHOLDS = "oozie/dq-thresholds.properties";

  private final String driverClass;
  private final JobTools jobs;

  /**
   * @param driverClass the main class the workflows' java actions name: the job jar's driver
   * @param jobs the tools of the driver's jobs, by name, which the actions run in this JVM
   */
  public PipelineJob(String driverClass, JobTools jobs) {
    this.driverClass = driverClass;
    this.jobs = jobs;
  }

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date X [--dq-thresholds FILE] [--late-days N] [--force] [--apps DIR]"
        + " [--parallel N] [--from-kafka TOPIC --bootstrap HOSTS]\n"
        + "--root ROOT --from A --to B [--dq-thresholds FILE] [--late-days N] [--force] [--apps DIR] [--parallel N]")
        .option("root", "ROOT", "warehouse root: raw/ is read, curated/, quarantine/, marts/ and reports/ written")
        .option("date", "X", "event date YYYY-MM-DD whose marts are built")
        .option("from", "A", "first event date of a backfill: the days A .. B, in order, each as --date would")
        .option("to", "B", "last event date of a backfill (inclusive)")
        .option("dq-thresholds", "FILE", "thresholds of the marts workflow's dq gate (any Hadoop filesystem); default"
            + " the production ones, " + PRODUCTION_THRESHOLDS + " as built into the jar;"
            + " test-data/dq-thresholds.properties passes the sample")
        .option("late-days", "N", "events and orders of X arrive on X .. X + N (default " + Dataset.DEFAULT_LATE_DAYS
            + ", as the coordinators)")
        .flag("force", "ingest every arrival date whose raw partitions exist, even when its curated ones are complete"
            + " (once per run in a backfill)")
        .option("apps", "DIR", "directory of the Oozie apps whose workflow.xml files run (default: oozie/apps as "
            + "built into this jar)")
        .option("parallel", "N", "at most N actions of a fork at once (default: the number of processors)")
        .option("from-kafka", "TOPIC", "first land the topic's new records in raw/events with pull-events (with"
            + " --bootstrap), every hour up to now closed: a laptop demo starting from Kafka (docs/kafka.md)")
        .option("bootstrap", "HOSTS", "the Kafka bootstrap servers of --from-kafka");
  }

  /**
   * With --from-kafka, lands the topic's new records in raw/events first, as the hourly pull would have; its exit
   * code (pull-events says why it failed, in its one Error line). 0 without --from-kafka.
   */
  private int pullFirst(JobOptions.Parsed options, Configuration conf, Path root) throws UsageException, IOException {
    if (!options.has("from-kafka")) {
      return 0;
    }
    if (!options.has("bootstrap")) {
      throw new UsageException("--from-kafka needs --bootstrap HOSTS");
    }
    // Every hour up to now is closed at once: a demo does not wait for lateness.
    String[] pull = {"--topic", options.get("from-kafka"), "--root", root.toString(), "--bootstrap",
        options.get("bootstrap"), "--lateness-minutes", "0"};
    try {
      return ToolRunner.run(new Configuration(conf), new PullEventsJob(), pull);
    } catch (Exception e) {
      throw new IOException(PullEventsJob.NAME + " before " + NAME + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException {
    Configuration conf = getConf();
    List<LocalDate> days = days(options);
    int lateDays = options.intValue("late-days", Dataset.DEFAULT_LATE_DAYS, 0);
    int parallel = options.intValue("parallel", Runtime.getRuntime().availableProcessors(), 1);
    Path root = qualified(new Path(options.required("root")), conf);
    Path thresholds = options.has("dq-thresholds") ? qualified(new Path(options.get("dq-thresholds")), conf) : null;
    if (thresholds != null && !thresholds.getFileSystem(conf).exists(thresholds)) {
      throw new UsageException("--dq-thresholds " + thresholds + ": no such file");
    }
    int pulled = pullFirst(options, conf, root);
    if (pulled != 0) {
      return pulled;
    }
    WorkflowSource source = new WorkflowSource(options.has("apps") ? new Path(options.get("apps")) : null, conf);
    Workflow ingest;
    Workflow marts;
    try {
      ingest = source.load(INGEST_APP);
      marts = source.load(MARTS_APP);
    } catch (UnsupportedWorkflowException e) {
      throw new JobFailedException(e.getMessage());
    }
    java.nio.file.Path scratch = Files.createTempDirectory("mrsuite-pipeline-");
    try {
      if (thresholds == null) {
        String dates = days.size() == 1 ? days.get(0).toString() : days.get(0) + ".." + days.get(days.size() - 1);
        System.out.println(NAME + " dt=" + dates + ": dq gate on the production thresholds (" + PRODUCTION_THRESHOLDS
            + " in the jar); --dq-thresholds FILE gives others");
        thresholds = productionThresholds(scratch);
      }
      DayRunner runner = new DayRunner(conf, root, ingest, marts, thresholds, lateDays, parallel, options.has("force"),
          new InProcessActions(conf, scratch, driverClass, jobs));
      if (!options.has("from")) {
        runner.run(days.get(0));
        return 0;
      }
      Backfill.run(runner, root.getFileSystem(conf), root, days, System.out);
      return 0;
    } finally {
      deleteRecursively(scratch);
    }
  }

  /** The event dates to build: --date X, or --from A --to B in order. */
  private static List<LocalDate> days(JobOptions.Parsed options) throws UsageException {
    if (options.has("date") == (options.has("from") || options.has("to"))) {
      throw new UsageException("give --date X, or --from A --to B");
    }
    if (options.has("date")) {
      return List.of(Dates.parseOption("date", options.get("date")));
    }
    LocalDate from = Dates.parseOption("from", options.required("from"));
    LocalDate to = Dates.parseOption("to", options.required("to"));
    if (to.isBefore(from)) {
      throw new UsageException("--to " + to + " is before --from " + from);
    }
    return from.datesUntil(to.plusDays(1)).toList();
  }

  /** Builds the marts of one event date at a time: the ingest workflows it needs, then its marts workflow. */
  final class DayRunner {
    private final Configuration conf;
    private final Path root;
    private final Workflow ingest;
    private final Workflow marts;
    private final Path thresholds;
    private final int lateDays;
    private final int parallel;
    private final boolean force;
    private final JavaActions actions;
    /** Arrival dates this run ingested: a backfill's next day skips them, even with --force. */
    private final Set<LocalDate> ingested = new HashSet<>();

    DayRunner(Configuration conf, Path root, Workflow ingest, Workflow marts, Path thresholds, int lateDays,
        int parallel, boolean force, JavaActions actions) {
      this.conf = conf;
      this.root = root;
      this.ingest = ingest;
      this.marts = marts;
      this.thresholds = thresholds;
      this.lateDays = lateDays;
      this.parallel = parallel;
      this.force = force;
      this.actions = actions;
    }

    /** Builds the marts of {@code date}; throws naming the workflow and node where the day was KILLED. */
    void run(LocalDate date) throws IOException, InterruptedException {
      FileSystem fs = root.getFileSystem(conf);
      Warehouse warehouse = new Warehouse(root);
      List<IngestPlan.ArrivalDate> plan = new ArrayList<>();
      for (IngestPlan.ArrivalDate arrival : IngestPlan.plan(fs, warehouse, date, lateDays, force)) {
        plan.add(arrival.ingest() && ingested.contains(arrival.date())
            ? new IngestPlan.ArrivalDate(arrival.date(), false, "ingested earlier in this run") : arrival);
      }
      PrintStream out = System.out;
      out.println(NAME + " dt=" + date + ": root " + root);
      for (IngestPlan.ArrivalDate arrival : plan) {
        out.println("  arrival " + arrival.date() + ": " + (arrival.ingest() ? "ingest" : "skip") + " ("
            + arrival.why() + ")");
      }
      out.println("  then marts of " + date);
      recoverKept(plan, warehouse, conf);

      Map<String, String> environment = environment(conf, root, lateDays);
      List<WorkflowRun.Outcome> outcomes = new ArrayList<>();
      long started = System.nanoTime();
      try {
        for (IngestPlan.ArrivalDate arrival : plan) {
          if (arrival.ingest()) {
            Map<String, String> properties = new LinkedHashMap<>(environment);
            properties.put("date", arrival.date().toString());
            // As the ingest coordinator: the action of nominal time D + 1 day 00:00 UTC ingests D.
            properties.put("nominal_time", arrival.date().plusDays(1) + "T00:00Z");
            if (!PipelineJob.run(ingest, properties, actions, parallel, outcomes)) {
              break;
            }
            ingested.add(arrival.date());
          }
        }
        if (outcomes.stream().allMatch(o -> o.status() == WorkflowRun.Status.SUCCEEDED)) {
          Map<String, String> properties = new LinkedHashMap<>(environment);
          properties.put("date", date.toString());
          properties.put("nominal_time", date + "T00:00Z");
          properties.put("dq_thresholds", thresholds.toString());
          PipelineJob.run(marts, properties, actions, parallel, outcomes);
        }
      } catch (UnsupportedWorkflowException e) {
        throw new JobFailedException(e.getMessage());
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      WorkflowRun.Outcome last = outcomes.get(outcomes.size() - 1);
      printSummary(out, date, outcomes, took);
      if (last.status() != WorkflowRun.Status.SUCCEEDED) {
        throw new JobFailedException(last.workflow() + " KILLED at " + last.killNode() + ": " + last.message());
      }
    }
  }

  /**
   * Recovers the curated partitions of the arrival dates kept as they are: no ingest runs there, so the
   * leftovers of a killed run (its lock, staging directory) would otherwise stay until the day is ingested
   * again. Each is taken and released as a writer would; a partition being written now stops the pipeline.
   */
  private static void recoverKept(List<IngestPlan.ArrivalDate> plan, Warehouse warehouse, Configuration conf)
      throws IOException {
    for (IngestPlan.ArrivalDate arrival : plan) {
      if (arrival.ingest()) {
        continue;
      }
      for (Dataset dataset : IngestPlan.CURATED_DATASETS) {
        Optional<Path> quarantine = dataset.quarantined()
            ? Optional.of(warehouse.quarantine(dataset, arrival.date())) : Optional.empty();
        PartitionGuard.enter(NAME, UUID.randomUUID().toString(), warehouse.partition(dataset, arrival.date()),
            quarantine, conf).close();
      }
    }
  }

  /** Runs one workflow and keeps its outcome; true when it SUCCEEDED. */
  private static boolean run(Workflow workflow, Map<String, String> properties, JavaActions actions, int parallel,
      List<WorkflowRun.Outcome> outcomes) throws UnsupportedWorkflowException, InterruptedException {
    WorkflowRun.Outcome outcome = new WorkflowRun(workflow, properties, actions, parallel, System.out).run();
    outcomes.add(outcome);
    return outcome.status() == WorkflowRun.Status.SUCCEEDED;
  }

  /** What job.properties gives on a cluster, here from this configuration: HDFS, YARN, queue, warehouse. */
  private static Map<String, String> environment(Configuration conf, Path root, int lateDays) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("nameNode", FileSystem.getDefaultUri(conf).toString());
    properties.put("resourceManager", conf.get(YarnConfiguration.RM_ADDRESS, YarnConfiguration.DEFAULT_RM_ADDRESS));
    properties.put("queueName", conf.get(MRJobConfig.QUEUE_NAME, "default"));
    properties.put("root", root.toString());
    properties.put("late_days", String.valueOf(lateDays));
    return properties;
  }

  private static void printSummary(PrintStream out, LocalDate date, List<WorkflowRun.Outcome> outcomes, Duration took) {
    WorkflowRun.Outcome last = outcomes.get(outcomes.size() - 1);
    out.println(NAME + " dt=" + date + ": " + last.status() + " in " + Durations.text(took));
    int width = outcomes.stream().mapToInt(o -> o.workflow().length()).max().orElse(0);
    for (WorkflowRun.Outcome outcome : outcomes) {
      long actions = outcome.nodes().stream().filter(WorkflowRun.NodeResult::action).count();
      out.printf("  %-" + width + "s  %-9s  %2d actions  %s%s%n", outcome.workflow(), outcome.status(), actions,
          Durations.text(outcome.took()), outcome.killNode() == null ? "" : "  at " + outcome.killNode());
    }
    if (last.status() == WorkflowRun.Status.SUCCEEDED) {
      last.nodes().stream().map(WorkflowRun.NodeResult::data).filter(data -> data.containsKey(ActionData.MART))
          .sorted(Comparator.comparing(data -> data.get(ActionData.MART)))
          .forEach(data -> out.printf("  mart:      %s (%s rows)%n", data.get(ActionData.MART), data.get(ActionData.ROWS)));
    } else {
      out.println("  " + last.message());
    }
    String report = last.actionData(DqReportJob.NAME).get(DqReportJob.REPORT_KEY);
    if (report != null) {
      out.println("  dq report: " + report + " (" + last.actionData(DqReportJob.NAME).get(DqReportJob.VERDICT_KEY)
          + ")");
    }
  }

  private static Path qualified(Path path, Configuration conf) throws IOException {
    return path.getFileSystem(conf).makeQualified(path);
  }

  private static void deleteRecursively(java.nio.file.Path dir) throws IOException {
    try (Stream<java.nio.file.Path> paths = Files.walk(dir)) {
      for (java.nio.file.Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The production thresholds copied out of the jar, for dq-report to read as a file. */
  private static Path productionThresholds(java.nio.file.Path scratch) throws IOException {
    java.nio.file.Path file = scratch.resolve("dq-thresholds.properties");
    try (InputStream in = PipelineJob.class.getClassLoader().getResourceAsStream(PRODUCTION_THRESHOLDS)) {
      if (in == null) {
        throw new JobFailedException("the jar holds no " + PRODUCTION_THRESHOLDS + ": give --dq-thresholds FILE");
      }
      Files.copy(in, file);
    }
    return new Path(file.toUri());
  }
}
