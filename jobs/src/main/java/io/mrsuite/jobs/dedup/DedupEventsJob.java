package io.mrsuite.jobs.dedup;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.JobPaths;
import io.mrsuite.jobs.run.OutputCheck;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKeyShuffle;
import io.mrsuite.jobs.tool.DatasetJob;
import io.mrsuite.jobs.tool.JobInput;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.DatasetInputs;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.util.ToolRunner;

/**
 * Deduplicates the curated events of event date X, keeping each event_id once.
 *
 * <p>This is {@code dedup-events --date X}, writing {@code curated/events_dedup/dt=X}. It reads the arrival
 * dates X .. X+late_days and keeps the events whose event date is X. Of the copies of an event, the first by
 * arrival date, source file and byte offset wins.
 *
 * <p>The output is one total order by (hash of event_id, event_id) across its part files, so the same input
 * gives the same records in the same order whatever the number of reducers.
 */
public class DedupEventsJob extends DatasetJob {
  public static final String NAME = "dedup-events";
  private static final String INPUT = "input";

  public DedupEventsJob() {
    super(NAME, Dataset.EVENTS_DEDUP, List.of(JobInput.lateDays(INPUT, Dataset.EVENTS)));
  }

  @Override
  protected void run(JobPaths paths, JobOptions.Parsed options) throws IOException, InterruptedException,
      ClassNotFoundException {
    LocalDate date = paths.date();
    Job job = Job.getInstance(getConf(), NAME + " dt=" + date);
    job.setJarByClass(DedupEventsJob.class);
    DatasetInputs.read(job, Dataset.EVENTS, paths.input(INPUT));
    job.setMapperClass(DedupEventsMapper.class);
    JoinKeyShuffle.configure(job, Event.getClassSchema(), HashRangePartitioner.class);
    job.setReducerClass(DedupEventsReducer.class);

    CuratedRun run = new CuratedRun(NAME, paths, job.getConfiguration(), oozieAction());
    run.configureOutputs(job, output());
    run.runAndPublish(job, OutputCheck.holds(RecordCounters.WRITTEN),
        Map.of("event_date", date.toString()));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new DedupEventsJob(), args));
  }
}
