package io.mrsuite.jobs.tool;

import io.mrsuite.jobs.run.JobPaths;
import io.mrsuite.jobs.run.MartRun;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.DatasetInputs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.mapreduce.Job;

/**
 * A mart job made of one MapReduce job over one complete partition of event date X.
 *
 * <p>It reads the input partition with its dataset's format and schema and writes {@code marts/<table>/dt=X}
 * through {@link MartRun}. Subclasses name the input and the mart and set the job's mapper, shuffle and
 * reducer.
 */
public abstract class DailyMartJob extends DatasetJob {
  private static final String INPUT = "input";

  protected DailyMartJob(String name, Dataset input, Dataset mart) {
    super(name, mart, List.of(JobInput.day(INPUT, input)));
  }

  /** Sets the mapper, map output, combiner, partitioner, grouping and reducer. */
  protected abstract void configure(Job job);

  @Override
  protected final void run(JobPaths paths, JobOptions.Parsed options) throws IOException, InterruptedException,
      ClassNotFoundException {
    Job job = Job.getInstance(getConf(), name() + " dt=" + paths.date());
    job.setJarByClass(getClass());
    DatasetInputs.read(job, inputs().get(0).dataset(), paths.input(INPUT));
    configure(job);
    MartRun run = new MartRun(name(), paths, job.getConfiguration(), oozieAction());
    run.configureOutput(job, output());
    run.runAndPublish(job, Map.of("event_date", paths.date().toString()));
  }
}
