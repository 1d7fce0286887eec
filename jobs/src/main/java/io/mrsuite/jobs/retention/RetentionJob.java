package io.mrsuite.jobs.retention;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.PartitionLock;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code retention}: deletes the date partitions a retention policy no longer keeps, whole, and only with
 * {@code --apply}; without it, lists them.
 *
 * <p>Only {@code <root>/<zone>/<dataset>/dt=D} folders of the warehouse's datasets are touched, each under its
 * partition lock so that no run writes it meanwhile, and never one that a partition still to be built needs
 * ({@link RetentionPlan}). A run with {@code --apply} writes its manifest,
 * {@code reports/retention/dt=<as-of>/<run id>.json}, before it deletes (the plan) and after (what was deleted).
 */
public class RetentionJob extends MrSuiteTool {
  public static final String NAME = "retention";
  /** Where the manifests go, under the root. */
  public static final String MANIFESTS = "reports/retention";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --policy FILE [--as-of D] [--late-days N] [--apply]")
        .option("root", "ROOT", "warehouse root (local path, hdfs://... or s3a://...)")
        .option("policy", "FILE", "retention policy: zone/dataset = days | forever (e.g. oozie/retention-policy"
            + ".properties)")
        .option("as-of", "D", "the day the windows end on (YYYY-MM-DD; default today, UTC)")
        .option("late-days", "N", "days late data arrives after its day, as the jobs read it (default "
            + Dataset.DEFAULT_LATE_DAYS + ")")
        .flag("apply", "delete; without it the run only lists what it would delete");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException {
    Path root = new Path(options.required("root"));
    Path policyFile = new Path(options.required("policy"));
    LocalDate asOf = asOf(options);
    int lateDays = options.intValue("late-days", Dataset.DEFAULT_LATE_DAYS, 0);
    boolean apply = options.has("apply");
    FileSystem fs = root.getFileSystem(getConf());
    if (!fs.exists(root)) {
      throw new JobFailedException(NAME + ": no warehouse at " + root);
    }
    RetentionPolicy policy;
    try (InputStream in = policyFile.getFileSystem(getConf()).open(policyFile)) {
      policy = RetentionPolicy.read(in, policyFile.toString());
    }
    RetentionPlan plan = RetentionPlan.of(fs, root, policy, Lineage.ofDriver(lateDays), asOf);
    PrintStream out = System.out;
    out.println(NAME + " of " + fs.makeQualified(root) + " as of " + asOf
        + (apply ? "" : " (dry run: --apply deletes)"));
    for (RetainedDataset dataset : policy.all().keySet()) {
      out.printf("  %-24s keeps %s%n", dataset.label(), policy.describe(dataset));
    }
    for (RetentionPlan.Needed needed : plan.needed()) {
      out.println("  keep   " + needed.partition() + ": " + needed.neededBy() + " is built from it and is missing or"
          + " incomplete (" + policy.describe(needed.neededBy().dataset()) + ")");
    }
    long files = 0;
    long bytes = 0;
    for (RetentionPlan.Expired expired : plan.expired()) {
      out.println("  " + (apply ? "delete " : "would delete ") + expired.partition() + " (" + count(expired.files(),
          "file") + ", " + count(expired.bytes(), "byte") + ")");
      files += expired.files();
      bytes += expired.bytes();
    }
    if (!apply) {
      out.printf("%s: would delete %s (%s, %s); kept %d needed downstream%n", NAME,
          count(plan.expired().size(), "partition"), count(files, "file"), count(bytes, "byte"), plan.needed().size());
      return 0;
    }
    String runId = UUID.randomUUID().toString();
    Path manifest = new Path(new Path(new Path(root, MANIFESTS), "dt=" + asOf), runId + ".json");
    Instant started = Instant.now();
    writeManifest(fs, manifest, runId, asOf, policyFile, plan, List.of(), List.of(), started, false);
    List<RetentionPlan.Expired> deleted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (RetentionPlan.Expired expired : plan.expired()) {
      try (PartitionLock lock = PartitionLock.acquire(NAME, runId, expired.path(), getConf(), out::println)) {
        if (!fs.delete(expired.path(), true) && fs.exists(expired.path())) {
          throw new IOException("could not delete " + expired.path());
        }
        deleted.add(expired);
      } catch (JobFailedException e) {
        refused.add(expired.partition() + ": " + e.getMessage());
        out.println("  left   " + expired.partition() + ": " + e.getMessage());
      }
    }
    writeManifest(fs, manifest, runId, asOf, policyFile, plan, deleted, refused, started, true);
    long deletedFiles = deleted.stream().mapToLong(RetentionPlan.Expired::files).sum();
    long deletedBytes = deleted.stream().mapToLong(RetentionPlan.Expired::bytes).sum();
    out.printf("%s: deleted %s (%s, %s); kept %d needed downstream; manifest %s%n", NAME,
        count(deleted.size(), "partition"), count(deletedFiles, "file"), count(deletedBytes, "byte"),
        plan.needed().size(), fs.makeQualified(manifest));
    if (!refused.isEmpty()) {
      throw new JobFailedException(NAME + ": " + refused.size() + " partitions were being written and were left: "
          + String.join("; ", refused) + "; run again later");
    }
    return 0;
  }

  private static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static LocalDate asOf(JobOptions.Parsed options) throws UsageException {
    if (!options.has("as-of")) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(options.get("as-of"));
    } catch (DateTimeParseException e) {
      throw new UsageException("--as-of: not a date (YYYY-MM-DD): " + options.get("as-of"));
    }
  }

  private static void writeManifest(FileSystem fs, Path manifest, String runId, LocalDate asOf, Path policyFile,
      RetentionPlan plan, List<RetentionPlan.Expired> deleted, List<String> refused, Instant started, boolean finished)
      throws IOException {
    ObjectNode root = JSON.createObjectNode().put("job", NAME).put("run_id", runId).put("as_of", asOf.toString())
        .put("policy", policyFile.toString()).put("started", started.toString()).put("finished", finished);
    ArrayNode planned = root.putArray("planned");
    for (RetentionPlan.Expired expired : plan.expired()) {
      planned.addObject().put("partition", expired.partition().toString()).put("files", expired.files())
          .put("bytes", expired.bytes()).put("deleted", deleted.contains(expired));
    }
    ArrayNode needed = root.putArray("kept_needed");
    for (RetentionPlan.Needed keep : plan.needed()) {
      needed.addObject().put("partition", keep.partition().toString()).put("needed_by", keep.neededBy().toString());
    }
    ArrayNode left = root.putArray("left_being_written");
    refused.forEach(left::add);
    try (OutputStream out = fs.create(manifest, true)) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new RetentionJob(), args));
  }
}
