package io.mrsuite.jobs.dq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.formats.records.DatasetFileInputFormat;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.JobFailures;
import io.mrsuite.jobs.run.ReportFiles;
import io.mrsuite.jobs.tool.Dates;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.generic.GenericData;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.util.ToolRunner;

/**
 * dq-report --root ROOT --date D: the data quality report of every curated, quarantine and mart partition of
 * D. Books come from the run manifests; column profiles (rows, nulls, approximate distinct values, min/max)
 * from a MapReduce job over the partitions' Avro and Parquet files; both are checked against thresholds.
 * Writes {@code reports/dq/dt=D/{dq.json,dq.html}} (staged, published whole with _SUCCESS), prints
 * {@code dq_verdict=PASS|FAIL}, hands the same to Oozie's capture-output, and exits
 * {@value #EXIT_CHECKS_FAILED} when a check fails.
 */
public class DqReportJob extends MrSuiteTool {
  public static final String NAME = "dq-report";
  /** Exit code of a run that wrote its report and found the day above a threshold. */
  public static final int EXIT_CHECKS_FAILED = 3;
  /** Output keys for Oozie's capture-output and the printed key=value lines. */
  public static final String VERDICT_KEY = "dq_verdict";
  public static final String FAILED_CHECKS_KEY = "dq_failed_checks";
  public static final String REPORT_KEY = "dq_report";
  static final String ON_FAIL_EXIT = "exit";
  static final String ON_FAIL_REPORT = "report";

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date D [--thresholds FILE] [--on-fail exit|report] [--before-marts]")
        .option("root", "ROOT", "warehouse root; reads curated/*, quarantine/*, marts/* /dt=D, writes reports/dq/dt=D")
        .option("date", "D", "partition date YYYY-MM-DD")
        .option("thresholds", "FILE", "Java properties laid over the defaults in the jar (docs/dq-report.md);"
            + " distinct counts are HLL estimates, -D " + DqReportKeys.HLL_LG_K + "=N sets lgK (default "
            + DqReportKeys.DEFAULT_HLL_LG_K + ")")
        .option("on-fail", "exit|report", "on FAIL: exit " + EXIT_CHECKS_FAILED + " (default), or exit 0 and leave"
            + " the verdict to the printed and captured " + VERDICT_KEY)
        .flag("before-marts", "the gate before the marts of D are built: leave marts/* out, since a rerun's marts"
            + " are about to be replaced (so orphan purchases are not checked)");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    Path root = new Path(options.required("root"));
    LocalDate date = Dates.parseOption("date", options.required("date"));
    String onFail = options.has("on-fail") ? options.get("on-fail") : ON_FAIL_EXIT;
    if (!onFail.equals(ON_FAIL_EXIT) && !onFail.equals(ON_FAIL_REPORT)) {
      throw new UsageException("--on-fail must be exit or report: " + onFail);
    }
    Thresholds thresholds = Thresholds.load(options.has("thresholds") ? new Path(options.get("thresholds")) : null,
        getConf());
    FileSystem fs = root.getFileSystem(getConf());
    if (!fs.isDirectory(root)) {
      throw new JobFailedException(NAME + ": no warehouse at " + root);
    }
    String runId = UUID.randomUUID().toString();
    Path reports = new Path(new Path(root, "reports"), "dq");
    Path output = new Path(reports, PartitionNames.dateName(date));
    int lgK = DqReportKeys.hllLgK(getConf());

    List<DayPartition> partitions = DayPartitions.find(fs, root, date);
    if (options.has("before-marts")) {
      // A rerun's old marts must not gate the run that replaces them (an orphan count of the last run
      // would fail every rerun, and the new one would never be built).
      partitions = partitions.stream().filter(p -> p.zone() != Zone.MARTS).toList();
    }
    List<String> findings = new ArrayList<>();
    if (partitions.isEmpty()) {
      findings.add("no curated, quarantine or mart partition for " + date);
    }
    Map<String, RunBooks> books = new LinkedHashMap<>();
    for (DayPartition partition : partitions) {
      if (!partition.complete()) {
        findings.add(partition.label() + " dt=" + date + " is incomplete (no _SUCCESS): not profiled");
      }
      RunBooks.of(fs, partition.data()).ifPresent(b -> books.put(partition.label(), b));
    }
    Map<String, Map<String, JsonNode>> profiles = profile(fs, reports, date, runId, partitions);
    DayFacts facts = new DayFacts(partitions, books, profiles, orphans(partitions, findings), findings);
    checkQuarantineFiles(facts);
    List<Check> checks = DqChecks.evaluate(facts, thresholds);
    ObjectNode report = DqReport.build(date, runId, lgK, facts, thresholds, checks);
    String html = DqHtml.render(report, ReportHistory.before(fs, reports, date, DqHtml.TREND_DAYS));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(DqReport.JSON_FILE, DqReport.JSON.writeValueAsBytes(report));
    files.put(DqHtml.FILE, html.getBytes(StandardCharsets.UTF_8));
    Path published = ReportFiles.publish(fs, getConf(), output, runId, files);

    Verdict verdict = DqReport.verdict(checks);
    List<String> failed = DqReport.failedChecks(checks);
    printSummary(System.out, date, verdict, checks, published);
    Properties captured = new Properties();
    captured.setProperty(VERDICT_KEY, verdict.name());
    captured.setProperty(FAILED_CHECKS_KEY, ActionDataList.joinWithin(failed));
    captured.setProperty(REPORT_KEY, new Path(published, DqReport.JSON_FILE).toString());
    oozieAction().captureOutput(captured);
    System.out.println(VERDICT_KEY + "=" + verdict.name());
    System.out.println(FAILED_CHECKS_KEY + "=" + String.join(",", failed));
    return verdict == Verdict.PASS || onFail.equals(ON_FAIL_REPORT) ? 0 : EXIT_CHECKS_FAILED;
  }

  /** Column profiles of the complete partitions, from one MapReduce job; its output is deleted after reading. */
  private Map<String, Map<String, JsonNode>> profile(FileSystem fs, Path reports, LocalDate date, String runId,
      List<DayPartition> partitions) throws IOException, InterruptedException, ClassNotFoundException {
    List<Path> inputs = partitions.stream().filter(DayPartition::complete).map(DayPartition::data).toList();
    Map<String, Map<String, JsonNode>> profiles = new TreeMap<>();
    if (inputs.isEmpty()) {
      return profiles;
    }
    Path profileDir = new Path(reports, "_profile." + PartitionNames.dateName(date) + "." + runId);
    Job job = Job.getInstance(getConf(), NAME + " profile dt=" + date);
    job.setJarByClass(DqReportJob.class);
    job.setInputFormatClass(DatasetFileInputFormat.class);
    // Plain generic records: the profile reads any dataset's schema without its generated classes.
    AvroJob.setDataModelClass(job, GenericData.class);
    FileInputFormat.setInputPaths(job, inputs.toArray(new Path[0]));
    job.setMapperClass(ColumnProfileMapper.class);
    job.setMapOutputKeyClass(Text.class);
    job.setMapOutputValueClass(ColumnStats.class);
    job.setCombinerClass(ColumnStatsCombiner.class);
    job.setReducerClass(ColumnProfileReducer.class);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(Text.class);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, profileDir);
    try {
      JobFailures.await(job, NAME + " dt=" + date + " profile");
      for (FileStatus part : fs.listStatus(profileDir, p -> p.getName().startsWith("part-"))) {
        readProfile(fs, part.getPath(), profiles);
      }
      long records = job.getCounters().findCounter(DqCounters.RECORDS).getValue();
      long profiled = profiles.values().stream().mapToLong(c -> c.values().iterator().next().path("rows").asLong())
          .sum();
      if (records != profiled) {
        throw new JobFailedException(NAME + " dt=" + date + ": profiled " + records + " records but the column"
            + " profiles hold " + profiled);
      }
      return profiles;
    } finally {
      fs.delete(profileDir, true);
    }
  }

  private static void readProfile(FileSystem fs, Path part, Map<String, Map<String, JsonNode>> profiles)
      throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(part), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.split(String.valueOf(ColumnKey.SEPARATOR), 3);
        profiles.computeIfAbsent(fields[0], k -> new TreeMap<>()).put(fields[1], DqReport.JSON.readTree(fields[2]));
      }
    }
  }

  /** revenue_daily's orphans when its partition is complete; otherwise null and a finding saying why. */
  private Map<String, Long> orphans(List<DayPartition> partitions, List<String> findings) throws IOException {
    Optional<DayPartition> mart = partitions.stream()
        .filter(p -> p.zone() == Zone.MARTS && p.name().equals(Dataset.REVENUE_DAILY.dir()) && p.complete()).findFirst();
    if (mart.isEmpty()) {
      findings.add("no complete " + Dataset.REVENUE_DAILY.label() + " partition: orphan purchases not checked");
      return null;
    }
    Optional<Map<String, Long>> orphans = OrphanPurchases.read(mart.get().data(), getConf());
    if (orphans.isEmpty()) {
      findings.add(Dataset.REVENUE_DAILY.label() + " has no " + OrphanPurchases.COLUMN
          + " column: orphan purchases not checked");
    }
    return orphans.orElse(null);
  }

  /** A quarantine partition holds exactly the records its run counted as quarantined. */
  private static void checkQuarantineFiles(DayFacts facts) {
    for (DayPartition partition : facts.partitions()) {
      RunBooks books = facts.books().get(partition.label());
      if (partition.zone() == Zone.QUARANTINE && partition.complete() && books != null
          && books.quarantined() != facts.profiledRecords(partition.label())) {
        facts.findings().add(partition.label() + " holds " + facts.profiledRecords(partition.label())
            + " records but its run counted " + books.quarantined() + " quarantined");
      }
    }
  }

  private static void printSummary(PrintStream out, LocalDate date, Verdict verdict, List<Check> checks,
      Path published) {
    long failed = checks.stream().filter(c -> !c.passed()).count();
    out.printf("%s dt=%s: %s, %d of %d checks failed%n", NAME, date, verdict, failed, checks.size());
    for (Check check : checks) {
      if (!check.passed()) {
        out.printf("  failed %s: %s > %s (%s)%n", check.name(), check.measured().toPlainString(),
            check.limit().toPlainString(), check.detail());
      }
    }
    out.println("  report: " + new Path(published, DqReport.JSON_FILE));
    out.println("  page:   " + new Path(published, DqHtml.FILE));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new DqReportJob(), args));
  }
}
