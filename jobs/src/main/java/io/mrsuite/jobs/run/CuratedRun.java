package io.mrsuite.jobs.run;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;

/**
 * One run of a job that writes a curated Avro partition and, if it rejects records, a quarantine partition.
 *
 * <p>Both are staged and published only when the job succeeded and its books balance, as one unit
 * ({@link PartitionPublisher#publishTogether}): quarantine first, so that a curated {@code _SUCCESS} beside no
 * publish journal means the day is complete. Each gets the run manifest, whose {@code run_id} pairs them. The summary goes to
 * stdout and, under an Oozie action with {@code capture-output}, to the action's data ({@link ActionData}).
 *
 * <p>Tasks write valid records with {@code context.write} and rejected ones with
 * {@link #quarantine(TaskInputOutputContext, AvroMultipleOutputs, QuarantineRecord)}.
 */
public final class CuratedRun extends PartitionRun {
  /** Named output (letters only, as AvroMultipleOutputs requires) for rejected records. */
  public static final String QUARANTINE_OUTPUT = "quarantine";
  /** Quarantine files go to this subdirectory of the staged output, then to the quarantine partition. */
  public static final String QUARANTINE_DIR = "quarantine";
  public static final String QUARANTINE_BASE_PATH = QUARANTINE_DIR + "/part";
  /** Avro codec when the job sets none with {@code -D avro.output.codec=...}. */
  public static final String DEFAULT_AVRO_CODEC = "snappy";

  private final Optional<Path> quarantine;

  /**
   * @param paths what the run reads and writes; without a quarantine partition the job must reject nothing
   * @param action where the run's books go for capture-output when an Oozie action runs it
   */
  public CuratedRun(String jobName, JobPaths paths, Configuration conf, OozieAction action) throws IOException {
    super(jobName, paths, conf, action);
    this.quarantine = paths.quarantine();
  }

  /** Writes a rejected record to the quarantine output and counts it, in total and under its reason. */
  public static void quarantine(TaskInputOutputContext<?, ?, ?, ?> context, AvroMultipleOutputs outputs,
      QuarantineRecord record) throws IOException, InterruptedException {
    outputs.write(QUARANTINE_OUTPUT, new AvroKey<>(record), NullWritable.get(), QUARANTINE_BASE_PATH);
    context.getCounter(RecordCounters.QUARANTINED).increment(1);
    context.getCounter(QuarantineReason.valueOf(record.getReason())).increment(1);
  }

  /**
   * Main output: Avro records of the dataset's schema; quarantine, when the run has one: {@link QuarantineRecord}s.
   * Both through {@link RepeatableAvroKeyOutputFormat}, so that a rerun writes the same bytes.
   */
  public void configureOutputs(Job job, Dataset dataset) {
    Configuration conf = job.getConfiguration();
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroJob.setOutputKeySchema(job, dataset.schema().orElseThrow());
    job.setOutputValueClass(NullWritable.class);
    LazyOutputFormat.setOutputFormatClass(job, RepeatableAvroKeyOutputFormat.class);
    if (quarantine.isPresent()) {
      AvroMultipleOutputs.addNamedOutput(job, QUARANTINE_OUTPUT, RepeatableAvroKeyOutputFormat.class,
          QuarantineRecord.getClassSchema());
      AvroMultipleOutputs.setCountersEnabled(job, true);
    }
    FileOutputFormat.setCompressOutput(job, true);
    if (conf.get(AvroJob.CONF_OUTPUT_CODEC) == null) {
      conf.set(AvroJob.CONF_OUTPUT_CODEC, DEFAULT_AVRO_CODEC);
    }
    conf.setBoolean(FileOutputCommitter.SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, true);
    FileOutputFormat.setOutputPath(job, staged);
  }

  /**
   * Runs the job and, if it succeeds and its books balance, publishes its partitions and prints a summary.
   * The books are checked against the staged files: the quarantine files must hold every record counted
   * quarantined, and the main output's must pass {@code mainOutputCheck}.
   *
   * @param mainOutputCheck the counters against the records in the main output's files, e.g.
   *     {@code OutputCheck.holds(RecordCounters.WRITTEN)}
   * @param manifestFields job-specific facts for the run manifest
   */
  public RecordBooks runAndPublish(Job job, OutputCheck mainOutputCheck, Map<String, String> manifestFields)
      throws IOException, InterruptedException, ClassNotFoundException {
    Configuration conf = job.getConfiguration();
    return runAndPublish(job, RecordBooks::from, counters -> {
      List<String> problems = new ArrayList<>(RecordBooks.from(counters).imbalances(
          StagedRecords.avro(fs, new Path(staged, QUARANTINE_DIR), conf)));
      problems.addAll(mainOutputCheck.problems(counters, StagedRecords.avro(fs, staged, conf)));
      return problems;
    }, manifestFields);
  }

  @Override
  protected List<Path> outputs() {
    List<Path> outputs = new ArrayList<>(List.of(output));
    quarantine.ifPresent(outputs::add);
    return outputs;
  }

  @Override
  protected void publish(RunManifest manifest) throws IOException {
    if (quarantine.isEmpty()) {
      publisher.publish(staged, output);
      return;
    }
    Path stagedQuarantine = new Path(staged, QUARANTINE_DIR);
    fs.mkdirs(stagedQuarantine);
    fs.create(new Path(stagedQuarantine, FileOutputCommitter.SUCCEEDED_FILE_NAME), true).close();
    manifest.writeTo(fs, stagedQuarantine);
    Path quarantineStaging = publisher.stagingFor(quarantine.get());
    fs.mkdirs(quarantineStaging.getParent());
    if (publisher.mode() == PublishMode.POINTER) {
      // Tasks can only write under the job's output, and an object store cannot rename: the quarantined records,
      // usually few, are copied into the quarantine partition's run directory, and the curated one keeps none.
      if (!FileUtil.copy(fs, stagedQuarantine, fs, quarantineStaging, true, conf)) {
        throw new IOException("could not copy " + stagedQuarantine + " to " + quarantineStaging);
      }
    } else if (!fs.rename(stagedQuarantine, quarantineStaging)) {
      // Staged beside its own partition, so that the two moves are independent renames.
      throw new IOException("could not rename " + stagedQuarantine + " to " + quarantineStaging);
    }
    try {
      publisher.publishTogether(output, List.of(quarantineStaging, staged), List.of(quarantine.get(), output));
    } finally {
      if (fs.exists(quarantineStaging)) {
        publisher.discard(quarantineStaging);
      }
    }
  }

  @Override
  protected void report(RecordBooks books, Counters counters) throws IOException {
    PrintStream out = System.out;
    out.printf("%s dt=%s: read %d, written %d, quarantined %d, skipped %d", jobName, date, books.read(),
        books.written(), books.quarantined(), books.skipped());
    out.println(books.duplicatesRemoved() > 0 ? ", duplicates removed " + books.duplicatesRemoved() : "");
    books.byReason().forEach((reason, count) -> out.printf("  quarantined %-18s %d%n", reason, count));
    out.println("  curated:    " + output);
    quarantine.ifPresent(path -> out.println("  quarantine: " + path));
    out.println("  manifest:   " + new Path(PartitionPointer.dataDir(fs, output), RunManifest.FILE_NAME));
    action.captureOutput(ActionData.of(jobName, date, books, output, quarantine));
  }
}
