package io.mrsuite.jobs.compact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.JobFailures;
import io.mrsuite.jobs.run.PartitionGuard;
import io.mrsuite.jobs.run.PartitionPointer;
import io.mrsuite.jobs.run.PartitionPublisher;
import io.mrsuite.jobs.run.PublishMode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.generic.GenericData;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.NullOutputFormat;

/**
 * Compacts one partition directory and publishes the result only when it provably holds the same records.
 *
 * <p>It scans the partition, plans the groups, runs the compaction job into a hidden staging sibling, and
 * runs a second map-only job that reads the staged files back. The staged files replace the partition only
 * when the record count and checksum of what was read back equal those of the original files, and the
 * partition did not change meanwhile. Otherwise nothing is published and the original partition stays as it
 * was.
 */
final class PartitionCompaction {

  private final Configuration conf;
  private final long targetBytes;
  private final boolean allowIncomplete;
  private final Class<? extends CompactMapper> mapper;
  private final PrintStream out;

  PartitionCompaction(Configuration conf, long targetBytes, boolean allowIncomplete,
      Class<? extends CompactMapper> mapper, PrintStream out) {
    this.conf = conf;
    this.targetBytes = targetBytes;
    this.allowIncomplete = allowIncomplete;
    this.mapper = mapper;
    this.out = out;
  }

  /** Compacts the partition holding its lock, as every writer of a partition does ({@link PartitionGuard}). */
  void compact(Path partition) throws IOException, InterruptedException, ClassNotFoundException {
    FileSystem fs = partition.getFileSystem(conf);
    Path dir = fs.makeQualified(partition);
    try (PartitionGuard guard = PartitionGuard.enter(CompactJob.NAME, UUID.randomUUID().toString(), dir,
        Optional.empty(), conf)) {
      compact(fs, dir);
    }
  }

  private void compact(FileSystem fs, Path dir) throws IOException, InterruptedException, ClassNotFoundException {
    Instant started = Instant.now();
    // On an object store the files are in the run directory the partition's pointer names; the compacted files
    // go to a run directory of their own, and the pointer is switched to it.
    Path data = PartitionPointer.dataDir(fs, dir);
    PartitionScan scan = PartitionScan.of(data, conf);
    if (!scan.complete() && !allowIncomplete) {
      throw new JobFailedException(dir + " has no " + PartitionNames.SUCCESS_MARKER + ": it may still be being"
          + " written; compact it anyway with --allow-incomplete");
    }
    if (scan.dataFiles().isEmpty()) {
      out.println("compact " + dir + ": no data files, nothing to do");
      return;
    }
    DataFile sample = scan.uniformSample();
    // Files of older schema versions are rewritten into the newest even when the partition is compact otherwise.
    String schemaMerge = sample.format() == DataFormat.AVRO ? scan.newestSchema().description() : null;
    String runId = UUID.randomUUID().toString();
    PartitionPublisher publisher = new PartitionPublisher(fs, runId, PublishMode.of(fs, conf));
    Path staged = publisher.stagingFor(dir);
    Job compaction = compactionJob(dir, sample, staged);
    SampleSize sampled = OutputSizeSampler.measure(scan.dataFiles(), compaction.getConfiguration(), targetBytes);
    CompactionPlan plan = CompactionPlan.pack(scan.dataFiles(), targetBytes, sampled.outputPerPayloadByte());
    if (scan.dataFiles().size() <= plan.groups().size() && schemaMerge == null) {
      out.println("compact " + dir + ": already compact (" + scan.dataFiles().size() + " files for "
          + plan.groups().size() + " at --target-size " + ByteSize.format(targetBytes) + "), nothing to do");
      return;
    }
    try {
      CompactKeys.setSplits(compaction.getConfiguration(), plan.splits());
      run(compaction, dir);
      List<FileStatus> outputs = dataFilesIn(fs, staged);
      // Input files holding no records give no output files (LazyOutputFormat), and nothing to read back.
      Counters verified = new Counters();
      String verificationId = "none";
      if (!outputs.isEmpty()) {
        Job verification = verificationJob(dir, sample, outputs);
        run(verification, dir);
        verified = verification.getCounters();
        verificationId = verification.getJobID().toString();
      }
      CompactionBooks books = CompactionBooks.from(compaction.getCounters(), verified, scan.rowsFromMetadata());
      List<String> problems = books.problems();
      if (!problems.isEmpty()) {
        throw new JobFailedException("compact " + dir + ": the compacted files do not hold the same records,"
            + " nothing published: " + String.join("; ", problems));
      }
      if (!scan.unchanged(conf)) {
        throw new JobFailedException("compact " + dir + ": the partition changed while it was being compacted,"
            + " nothing published; run again");
      }
      if (!scan.complete()) {
        // Compaction does not make an incomplete partition complete.
        fs.delete(new Path(staged, PartitionNames.SUCCESS_MARKER), false);
      }
      CompactionManifest manifest = CompactionManifest.of(fs, data, scan.hasManifest());
      ObjectNode entry = manifest.addCompaction();
      entry.put("job", CompactJob.NAME).put("job_id", compaction.getJobID().toString())
          .put("verification_job_id", verificationId).put("run_id", runId)
          .put("started", started.toString()).put("finished", Instant.now().toString())
          .put("format", sample.format().name().toLowerCase(Locale.ROOT)).put("codec", sample.codec())
          .put("target_size", targetBytes)
          .put("output_per_input_byte", sampled.outputPerPayloadByte())
          .put("estimated_bytes_out", Math.round(scan.payloadBytes() * sampled.outputPerPayloadByte()))
          .put("planned_files", plan.groups().size())
          .put("files_in", scan.dataFiles().size()).put("bytes_in", scan.bytes())
          .put("files_out", outputs.size()).put("bytes_out", outputs.stream().mapToLong(FileStatus::getLen).sum())
          .put("records", books.read()).put("checksum", CompactionBooks.hex(books.checksumRead()));
      if (schemaMerge != null) {
        entry.put("schemas", schemaMerge);
      }
      manifest.writeTo(fs, staged);
      publisher.publish(staged, dir);
      out.printf("compact %s: %d %s files, %d bytes -> %d files, %d bytes; %d records, checksum %s, verified%s%n",
          dir, scan.dataFiles().size(), entry.get("format").asText(), scan.bytes(), outputs.size(),
          entry.get("bytes_out").asLong(), books.read(), entry.get("checksum").asText(),
          schemaMerge == null ? "" : "; schemas " + schemaMerge);
    } finally {
      if (fs.exists(staged)) {
        publisher.discard(staged);
      }
    }
  }

  /** The compaction job but for its splits, which are planned with the writer it configures. */
  private Job compactionJob(Path dir, DataFile sample, Path staged) throws IOException {
    Job job = Job.getInstance(new Configuration(conf), CompactJob.NAME + " " + dir);
    job.setJarByClass(CompactJob.class);
    Configuration jobConf = job.getConfiguration();
    CompactKeys.setFormat(jobConf, sample.format());
    job.setInputFormatClass(PlannedGroupsInputFormat.class);
    // Generic records: what the files hold, with no logical-type conversion in between.
    AvroJob.setDataModelClass(job, GenericData.class);
    sample.format().configureInput(job, sample);
    job.setMapperClass(mapper);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(AvroKey.class);
    job.setOutputValueClass(NullWritable.class);
    sample.format().configureOutput(job, sample, targetBytes);
    jobConf.setBoolean(FileOutputCommitter.SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, true);
    FileOutputFormat.setOutputPath(job, staged);
    return job;
  }

  /** Reads back the staged files by name: FileInputFormat would skip the hidden staging directory itself. */
  private Job verificationJob(Path dir, DataFile sample, List<FileStatus> outputs) throws IOException {
    Job job = Job.getInstance(new Configuration(conf), CompactJob.NAME + " verify " + dir);
    job.setJarByClass(CompactJob.class);
    job.setInputFormatClass(sample.format().inputFormat());
    AvroJob.setDataModelClass(job, GenericData.class);
    sample.format().configureInput(job, sample);
    FileInputFormat.setInputPaths(job, outputs.stream().map(FileStatus::getPath).toArray(Path[]::new));
    job.setMapperClass(VerifyMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputFormatClass(NullOutputFormat.class);
    return job;
  }

  private static void run(Job job, Path dir) throws IOException, InterruptedException, ClassNotFoundException {
    JobFailures.await(job, "compact " + dir + ", nothing published: " + job.getJobName());
  }

  private static List<FileStatus> dataFilesIn(FileSystem fs, Path dir) throws IOException {
    return Arrays.stream(fs.listStatus(dir)).filter(s -> s.isFile() && !PartitionNames.isHidden(s.getPath().getName()))
        .toList();
  }
}
