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
 * the books count input records: read = written (aggregated into rows) + skipped (not this mart's).
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

  public MartRun(String jobName, LocalDate date, Path output, Configuration conf) throws IOException {
    this.jobName = jobName;
    this.date = date;
    this.output = output;
    this.fs = output.getFileSystem(conf);
    this.publisher = new PartitionPublisher(fs, runId);
    this.staged = publisher.stagingFor(output);
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

  /** Runs the job and, if it succeeds and its books balance, publishes the partition and prints a summary. */
  public RecordBooks runAndPublish(Job job, List<Path> inputs, Map<String, String> manifestFields)
      throws IOException, InterruptedException, ClassNotFoundException {
    Instant started = Instant.now();
    try {
      if (!job.waitForCompletion(true)) {
        throw new JobFailedException(jobName + " dt=" + date + ": job " + job.getJobID() + " ended "
            + job.getJobState() + ": " + CuratedRun.failure(job));
      }
      Counters counters = job.getCounters();
      RecordBooks books = RecordBooks.from(counters);
      long rows = counters.findCounter(MartCounters.ROWS).getValue();
      List<String> problems = new ArrayList<>(books.imbalances(0));
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
      return books;
    } finally {
      if (fs.exists(staged)) {
        publisher.discard(staged);
      }
    }
  }

  private void printSummary(PrintStream out, RecordBooks books, long rows) {
    out.printf("%s dt=%s: read %d, aggregated %d, skipped %d; rows %d%n", jobName, date, books.read(),
        books.written(), books.skipped(), rows);
    out.println("  mart:       " + output);
    out.println("  manifest:   " + new Path(output, RunManifest.FILE_NAME));
  }
}
