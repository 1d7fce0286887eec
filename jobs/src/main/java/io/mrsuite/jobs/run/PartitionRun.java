package io.mrsuite.jobs.run;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;

/**
 * One run of a job that publishes a partition only when the job succeeded and its books balance.
 *
 * <p>The job writes into a staging directory (a run directory of the partition on an object store,
 * {@link PublishMode}), and the partition is published with the run manifest beside it.
 * Nothing is published otherwise, and the staging directory is removed either way. {@link CuratedRun} and
 * {@link MartRun} say what is written and how it is published.
 */
public abstract class PartitionRun {
  protected final String jobName;
  protected final LocalDate date;
  protected final Path output;
  protected final FileSystem fs;
  protected final Configuration conf;
  protected final PartitionPublisher publisher;
  /** Where the job writes its output; published as {@link #output}. */
  protected final Path staged;
  protected final String runId = UUID.randomUUID().toString();
  protected final OozieAction action;
  private final List<Path> inputs;
  private final CrashPoints crashPoints;

  /** @param action where the run's books go for capture-output when an Oozie action runs it */
  protected PartitionRun(String jobName, JobPaths paths, Configuration conf, OozieAction action) throws IOException {
    this.jobName = jobName;
    this.date = paths.date();
    this.inputs = paths.allInputs();
    this.output = paths.output();
    this.fs = output.getFileSystem(conf);
    this.crashPoints = CrashPoints.of(conf);
    this.publisher = new PartitionPublisher(fs, runId, crashPoints, PublishMode.of(fs, conf));
    this.conf = conf;
    this.staged = publisher.stagingFor(output);
    this.action = action;
  }

  /** Where the counters disagree with the books or with the staged files; may read the files. */
  @FunctionalInterface
  protected interface StagedCheck {
    List<String> problems(Counters counters) throws IOException;
  }

  /** Every partition the run publishes, for the manifest. */
  protected abstract List<Path> outputs();

  /** Moves the staged output into place; the manifest is already in {@link #staged}. */
  protected abstract void publish(RunManifest manifest) throws IOException;

  /** Tells the user and the workflow what was published. */
  protected abstract void report(RecordBooks books, Counters counters) throws IOException;

  /** Facts of the run's counters for its manifest, beyond the books; none by default. */
  protected void describe(RunManifest manifest, Counters counters) {
  }

  /** Runs an earlier stage of a run, or the job itself; a failure quoting its first failed task when it fails. */
  public Counters runStage(Job job) throws IOException, InterruptedException, ClassNotFoundException {
    JobFailures.await(job, jobName + " dt=" + date);
    return job.getCounters();
  }

  /**
   * Runs the job and publishes what it wrote when its books balance.
   *
   * @param booksOf the run's books, from the job's counters
   * @param problems where the counters disagree with the books or with what the outputs wrote
   * @param manifestFields job-specific facts for the run manifest
   */
  protected final RecordBooks runAndPublish(Job job, Function<Counters, RecordBooks> booksOf,
      StagedCheck problems, Map<String, String> manifestFields)
      throws IOException, InterruptedException, ClassNotFoundException {
    Instant started = Instant.now();
    try {
      Counters counters = runStage(job);
      RecordBooks books = booksOf.apply(counters);
      List<String> found = problems.problems(counters);
      if (!found.isEmpty()) {
        throw new JobFailedException(jobName + " dt=" + date + ": the books do not balance, nothing published: "
            + String.join("; ", found));
      }
      RunManifest manifest = new RunManifest(jobName, job.getJobID().toString(), runId)
          .put("date", date.toString())
          .put("started", started.toString())
          .put("finished", Instant.now().toString())
          .put("map_tasks", job.getConfiguration().getInt(MRJobConfig.NUM_MAPS, 0))
          .put("reduce_tasks", job.getNumReduceTasks());
      describe(manifest, counters);
      manifestFields.forEach(manifest::put);
      manifest.paths("inputs", inputs).paths("outputs", outputs()).books(books);
      manifest.writeTo(fs, staged);
      crashPoints.reach("staged");
      publish(manifest);
      report(books, counters);
      return books;
    } finally {
      if (fs.exists(staged)) {
        publisher.discard(staged);
      }
    }
  }
}
