package io.mrsuite.jobs.sessionize;

import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.JobPaths;
import io.mrsuite.jobs.run.OutputCheck;
import io.mrsuite.jobs.shuffle.SecondarySort;
import io.mrsuite.jobs.tool.DatasetJob;
import io.mrsuite.jobs.tool.JobInput;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.DatasetInputs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.util.ToolRunner;

/**
 * Cuts the enriched events of event date X into sessions per visitor.
 *
 * <p>This is {@code sessionize --date X}, writing {@code curated/sessions/dt=X}. It is a secondary sort the
 * MapReduce way: the composite key (visitor, event_time, event_id) is sorted whole, partitioned and grouped
 * on the visitor, so the reducer streams each visitor's events in time order.
 *
 * <p>Books: read = events read; written = events placed in sessions (each in exactly one); the SESSIONS
 * counter equals the records written.
 */
public class SessionizeJob extends DatasetJob {
  public static final String NAME = "sessionize";
  private static final String INPUT = "input";

  public SessionizeJob() {
    super(NAME, Dataset.SESSIONS, List.of(JobInput.day(INPUT, Dataset.EVENTS_ENRICHED).orSeveral()));
  }

  @Override
  protected void run(JobPaths paths, JobOptions.Parsed options) throws IOException, InterruptedException,
      ClassNotFoundException {
    Job job = Job.getInstance(getConf(), NAME + " dt=" + paths.date());
    job.setJarByClass(SessionizeJob.class);
    DatasetInputs.read(job, Dataset.EVENTS_ENRICHED, paths.input(INPUT));
    job.setMapperClass(SessionizeMapper.class);
    SecondarySort.configure(job, SessionKey.getClassSchema(), SessionEvent.getClassSchema(), "visitor");
    job.setReducerClass(SessionizeReducer.class);

    CuratedRun run = new CuratedRun(NAME, paths, job.getConfiguration(), oozieAction());
    run.configureOutputs(job, output());
    run.runAndPublish(job, OutputCheck.holds(SessionizeCounters.SESSIONS),
        Map.of("event_date", paths.date().toString(), "written_counts", "events placed in sessions"));
    Counters counters = job.getCounters();
    System.out.printf("  sessions:   %d (%d converted)%n", counters.findCounter(SessionizeCounters.SESSIONS).getValue(),
        counters.findCounter(SessionizeCounters.CONVERTED_SESSIONS).getValue());
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new SessionizeJob(), args));
  }
}
