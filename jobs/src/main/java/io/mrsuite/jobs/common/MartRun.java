package io.mrsuite.jobs.common;

import io.mrsuite.formats.avro.CuratedDataModel;
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
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.LazyOutputFormat;
import org.apache.parquet.avro.AvroParquetOutputFormat;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One run of a job that writes a mart partition ({@code marts/<table>/dt=X}) as Parquet through parquet-avro's
 * {@link AvroParquetOutputFormat}: stages the output, runs the job, checks its books and that every counted
 * row is one record the reducers wrote, writes the run manifest, and publishes the partition whole
 * (rename-aside, rename-in, delete). Nothing is published when the job fails or its books do not balance.
 *
 * <p>Reducers write rows with {@code context.write(null, row)} and count each in {@link MartCounters#ROWS};
 * the books count input records: read = written (aggregated into rows) + skipped (not this mart's) +
 * duplicates removed. A mart built by several jobs runs the earlier ones with {@link #runStage(Job)} into
 * {@link #intermediate(String)} directories and passes the first stage's books to the last.
 */
public final class MartRun {
  /** Parquet codec when the job sets none with {@code -D parquet.compression=...}. */
  public static final CompressionCodecName DEFAULT_CODEC = CompressionCodecName.SNAPPY;

  private final String jobName;
  private final LocalDate date;
  private final Path output;
  private final String runId = UUID.randomUUID().toString();
  private final FileSystem fs;
  private final PartitionPublisher publisher;
  private final Path staged;
  private final OozieAction action;

  /** @param action where the run's books go for capture-output when an Oozie action runs it */
  public MartRun(String jobName, LocalDate date, Path output, Configuration conf, OozieAction action)
      throws IOException {
    this.jobName = jobName;
    this.date = date;
    this.output = output;
    this.fs = output.getFileSystem(conf);
    this.publisher = new PartitionPublisher(fs, runId);
    this.staged = publisher.stagingFor(output);
    this.action = action;
  }

  /**
   * Output: Parquet files of {@code schema} rows (its decimals as DECIMAL, dates as DATE), staged. Also sets
   * the data model that reads the curated Avro inputs and the shuffle with their logical types.
   */
  public void configureOutput(Job job, Schema schema) {
    Configuration conf = job.getConfiguration();
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroParquetOutputFormat.setSchema(job, schema);
    LazyOutputFormat.setOutputFormatClass(job, AvroParquetOutputFormat.class);
    job.setOutputKeyClass(Void.class);
    if (conf.get(ParquetOutputFormat.COMPRESSION) == null) {
      ParquetOutputFormat.setCompression(job, DEFAULT_CODEC);
    }
    conf.setBoolean(FileOutputCommitter.SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, true);
    FileOutputFormat.setOutputPath(job, staged);
  }

  /**
   * Where an earlier stage of a mart built by several jobs writes: {@code _<stage>.dt=X.<run>/<stage>}, beside
   * the partition. The hidden parent keeps it from {@code dt=*} globs and readers of the table; the visible last
   * name lets the next stage read it (FileInputFormat refuses an input path whose own name is hidden). The
   * caller deletes it with {@link #discard(Path)} when the run ends, whatever its outcome.
   */
  public Path intermediate(String stage) {
    return new Path(new Path(output.getParent(), "_" + stage + "." + output.getName() + "." + runId), stage);
  }

  /** Runs an earlier stage and returns its counters; a failure quoting its first failed task when it fails. */
  public Counters runStage(Job job) throws IOException, InterruptedException, ClassNotFoundException {
    if (!job.waitForCompletion(true)) {
      throw failed(job);
    }
    return job.getCounters();
  }

  /** Deletes an intermediate directory with its hidden parent; never throws, so the run's own failure stays the one reported. */
  public void discard(Path intermediate) {
    publisher.discard(intermediate.getParent());
  }

  /** Runs the job and, if it succeeds and its books balance, publishes the partition and prints a summary. */
  public RecordBooks runAndPublish(Job job, List<Path> inputs, Map<String, String> manifestFields)
      throws IOException, InterruptedException, ClassNotFoundException {
    return runAndPublish(job, RecordBooks::from, counters -> List.of(), inputs, manifestFields);
  }

  /**
   * Runs the last stage of a mart built by several jobs and publishes as above. The books are those of the
   * stage that read the input (the last one reads only intermediate records); {@code stageChecks} says, from
   * the last stage's counters, where the stages disagree (e.g. the counts its rows sum to against the
   * records the first stage counted written).
   */
  public RecordBooks runAndPublish(Job job, RecordBooks inputBooks, Function<Counters, List<String>> stageChecks,
      List<Path> inputs, Map<String, String> manifestFields)
      throws IOException, InterruptedException, ClassNotFoundException {
    return runAndPublish(job, counters -> inputBooks, stageChecks, inputs, manifestFields);
  }

  private RecordBooks runAndPublish(Job job, Function<Counters, RecordBooks> booksOf,
      Function<Counters, List<String>> checks, List<Path> inputs, Map<String, String> manifestFields)
      throws IOException, InterruptedException, ClassNotFoundException {
    Instant started = Instant.now();
    try {
      if (!job.waitForCompletion(true)) {
        throw failed(job);
      }
      Counters counters = job.getCounters();
      RecordBooks books = booksOf.apply(counters);
      long rows = counters.findCounter(MartCounters.ROWS).getValue();
      List<String> problems = new ArrayList<>(books.imbalances(0));
      problems.addAll(checks.apply(counters));
      long written = counters.findCounter(TaskCounter.REDUCE_OUTPUT_RECORDS).getValue();
      if (rows != written) {
        problems.add("counted rows " + rows + " != records the output wrote " + written);
      }
      if (!problems.isEmpty()) {
        throw new JobFailedException(jobName + " dt=" + date + ": the books do not balance, nothing published: "
            + String.join("; ", problems));
      }
      RunManifest manifest = new RunManifest(jobName, job.getJobID().toString(), runId)
          .put("date", date.toString())
          .put("started", started.toString())
          .put("finished", Instant.now().toString())
          .put("map_tasks", counters.findCounter(JobCounter.TOTAL_LAUNCHED_MAPS).getValue())
          .put("reduce_tasks", counters.findCounter(JobCounter.TOTAL_LAUNCHED_REDUCES).getValue())
          .put("rows", rows);
      manifestFields.forEach(manifest::put);
      manifest.paths("inputs", inputs).paths("outputs", List.of(output)).books(books);
      manifest.writeTo(fs, staged);
      publisher.publish(staged, output);
      printSummary(System.out, books, rows);
      action.captureOutput(ActionData.ofMart(jobName, date, books, rows, output));
      return books;
    } finally {
      if (fs.exists(staged)) {
        publisher.discard(staged);
      }
    }
  }

  private JobFailedException failed(Job job) throws IOException, InterruptedException {
    return new JobFailedException(jobName + " dt=" + date + ": job " + job.getJobID() + " ended "
        + job.getJobState() + ": " + CuratedRun.failure(job));
  }

  private void printSummary(PrintStream out, RecordBooks books, long rows) {
    out.printf("%s dt=%s: read %d, aggregated %d, skipped %d%s; rows %d%n", jobName, date, books.read(),
        books.written(), books.skipped(),
        books.duplicatesRemoved() > 0 ? ", duplicates removed " + books.duplicatesRemoved() : "", rows);
    out.println("  mart:       " + output);
    out.println("  manifest:   " + new Path(output, RunManifest.FILE_NAME));
  }
}
