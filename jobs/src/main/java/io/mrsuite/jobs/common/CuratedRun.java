package io.mrsuite.jobs.common;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.quarantine.QuarantineReason;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyOutputFormat;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;

/**
 * One run of a job that writes a curated Avro partition and its quarantine partition: configures both
 * outputs into a staging directory, runs the job, checks its books, writes the run manifest into both,
 * and publishes them (quarantine first, so a curated {@code _SUCCESS} means the day is complete).
 * Nothing is published when the job fails or its books do not balance. The summary goes to stdout and,
 * under an Oozie action with {@code capture-output}, to the action's data ({@link ActionData}).
 *
 * <p>Tasks write valid records with {@code context.write} and rejected ones with
 * {@link #quarantine(TaskInputOutputContext, AvroMultipleOutputs, QuarantineRecord)}.
 */
public final class CuratedRun {
  /** Named output (letters only, as AvroMultipleOutputs requires) for rejected records. */
  public static final String QUARANTINE_OUTPUT = "quarantine";
  /** Quarantine files go to this subdirectory of the staged output, then to the quarantine partition. */
  public static final String QUARANTINE_DIR = "quarantine";
  public static final String QUARANTINE_BASE_PATH = QUARANTINE_DIR + "/part";
  /** Avro codec when the job sets none with {@code -D avro.output.codec=...}. */
  public static final String DEFAULT_AVRO_CODEC = "snappy";

  private static final int MAX_EVENTS_SEARCHED = 1000;

  private final String jobName;
  private final LocalDate date;
  private final Path output;
  private final Path quarantine;
  private final String runId = UUID.randomUUID().toString();
  private final FileSystem fs;
  private final PartitionPublisher publisher;
  private final Path staged;
  private final OozieAction action;

  /** @param action where the run's books go for capture-output when an Oozie action runs it */
  public CuratedRun(String jobName, LocalDate date, Path output, Path quarantine, Configuration conf,
      OozieAction action) throws IOException {
    this.jobName = jobName;
    this.date = date;
    this.output = output;
    this.quarantine = quarantine;
    this.fs = output.getFileSystem(conf);
    this.publisher = new PartitionPublisher(fs, runId);
    this.staged = publisher.stagingFor(output);
    this.action = action;
  }

  /** Writes a rejected record to the quarantine output and counts it, in total and under its reason. */
  public static void quarantine(TaskInputOutputContext<?, ?, ?, ?> context, AvroMultipleOutputs outputs,
      QuarantineRecord record) throws IOException, InterruptedException {
    outputs.write(QUARANTINE_OUTPUT, new AvroKey<>(record), NullWritable.get(), QUARANTINE_BASE_PATH);
    context.getCounter(RecordCounters.QUARANTINED).increment(1);
    context.getCounter(QuarantineReason.valueOf(record.getReason())).increment(1);
  }

  /** Main output: Avro records of {@code schema}; quarantine: {@link QuarantineRecord}s; both staged. */
  public void configureOutputs(Job job, Schema schema) {
    Configuration conf = job.getConfiguration();
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroJob.setOutputKeySchema(job, schema);
    job.setOutputValueClass(NullWritable.class);
    LazyOutputFormat.setOutputFormatClass(job, AvroKeyOutputFormat.class);
    AvroMultipleOutputs.addNamedOutput(job, QUARANTINE_OUTPUT, AvroKeyOutputFormat.class,
        QuarantineRecord.getClassSchema());
    AvroMultipleOutputs.setCountersEnabled(job, true);
    FileOutputFormat.setCompressOutput(job, true);
    if (conf.get(AvroJob.CONF_OUTPUT_CODEC) == null) {
      conf.set(AvroJob.CONF_OUTPUT_CODEC, DEFAULT_AVRO_CODEC);
    }
    conf.setBoolean(FileOutputCommitter.SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, true);
    FileOutputFormat.setOutputPath(job, staged);
  }

  /**
   * Runs the job and, if it succeeds and its books balance, publishes both partitions and prints a
   * summary.
   *
   * @param mainOutputCheck problems with the main output's record count, e.g. counted WRITTEN records
   *     against the records the output format wrote (jobs differ in which task writes them)
   * @param manifestFields job-specific facts for the run manifest
   */
  public RecordBooks runAndPublish(Job job, List<Path> inputs, Function<Counters, List<String>> mainOutputCheck,
      Map<String, String> manifestFields) throws IOException, InterruptedException, ClassNotFoundException {
    Instant started = Instant.now();
    try {
      if (!job.waitForCompletion(true)) {
        throw new JobFailedException(jobName + " dt=" + date + ": job " + job.getJobID() + " ended "
            + job.getJobState() + ": " + failure(job));
      }
      Counters counters = job.getCounters();
      RecordBooks books = RecordBooks.from(counters);
      List<String> problems = new ArrayList<>(books.imbalances(
          counters.findCounter(AvroMultipleOutputs.class.getName(), QUARANTINE_BASE_PATH).getValue()));
      problems.addAll(mainOutputCheck.apply(counters));
      if (!problems.isEmpty()) {
        throw new JobFailedException(jobName + " dt=" + date + ": the books do not balance, nothing published: "
            + String.join("; ", problems));
      }
      Path stagedQuarantine = new Path(staged, QUARANTINE_DIR);
      fs.mkdirs(stagedQuarantine);
      fs.create(new Path(stagedQuarantine, FileOutputCommitter.SUCCEEDED_FILE_NAME), true).close();
      RunManifest manifest = new RunManifest(jobName, job.getJobID().toString(), runId)
          .put("date", date.toString())
          .put("started", started.toString())
          .put("finished", Instant.now().toString())
          .put("map_tasks", counters.findCounter(JobCounter.TOTAL_LAUNCHED_MAPS).getValue())
          .put("reduce_tasks", counters.findCounter(JobCounter.TOTAL_LAUNCHED_REDUCES).getValue());
      manifestFields.forEach(manifest::put);
      manifest.paths("inputs", inputs).paths("outputs", List.of(output, quarantine)).books(books);
      manifest.writeTo(fs, staged);
      manifest.writeTo(fs, stagedQuarantine);
      publisher.publish(stagedQuarantine, quarantine);
      publisher.publish(staged, output);
      printSummary(System.out, books);
      action.captureOutput(ActionData.of(jobName, date, books, output, quarantine));
      return books;
    } finally {
      if (fs.exists(staged)) {
        publisher.discard(staged);
      }
    }
  }

  /**
   * Why the job failed, in the words of its first failed task when the framework keeps them (YARN does;
   * the local runner logs them instead): a task's exception names the bad input, the job's status only
   * counts failed tasks.
   */
  static String failure(Job job) throws IOException, InterruptedException {
    for (TaskCompletionEvent event : job.getTaskCompletionEvents(0, MAX_EVENTS_SEARCHED)) {
      if (event.getStatus() == TaskCompletionEvent.Status.FAILED) {
        String[] diagnostics = job.getTaskDiagnostics(event.getTaskAttemptId());
        if (diagnostics != null && diagnostics.length > 0) {
          return event.getTaskAttemptId() + ": " + diagnostics[0].lines().findFirst().orElse("");
        }
      }
    }
    return job.getStatus().getFailureInfo();
  }

  /** The usual check: every record counted WRITTEN is one record the given task counter says was output. */
  public static Function<Counters, List<String>> writtenEquals(Enum<?> outputRecords) {
    return counters -> {
      long written = counters.findCounter(RecordCounters.WRITTEN).getValue();
      long output = counters.findCounter(outputRecords).getValue();
      return written == output ? List.of()
          : List.of("counted written " + written + " != records the output wrote " + output);
    };
  }

  private void printSummary(PrintStream out, RecordBooks books) {
    out.printf("%s dt=%s: read %d, written %d, quarantined %d, skipped %d", jobName, date, books.read(),
        books.written(), books.quarantined(), books.skipped());
    out.println(books.duplicatesRemoved() > 0 ? ", duplicates removed " + books.duplicatesRemoved() : "");
    books.byReason().forEach((reason, count) -> out.printf("  quarantined %-18s %d%n", reason, count));
    out.println("  curated:    " + output);
    out.println("  quarantine: " + quarantine);
    out.println("  manifest:   " + new Path(output, RunManifest.FILE_NAME));
  }
}
