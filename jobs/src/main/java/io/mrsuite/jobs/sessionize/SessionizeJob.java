package io.mrsuite.jobs.sessionize;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Session;
import io.mrsuite.formats.avro.SessionEvent;
import io.mrsuite.formats.avro.SessionKey;
import io.mrsuite.jobs.common.CompletePartitions;
import io.mrsuite.jobs.common.CuratedRun;
import io.mrsuite.jobs.common.Dates;
import io.mrsuite.jobs.common.JobOptions;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.UsageException;
import io.mrsuite.jobs.common.Warehouse;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.ToolRunner;

/**
 * sessionize --date X: the enriched events of event date X cut into sessions per visitor, in
 * {@code curated/sessions/dt=X}. A secondary sort the MapReduce way: the composite key (visitor, event_time,
 * event_id) is sorted whole, partitioned and grouped on the visitor, so the reducer streams each visitor's
 * events in time order. Books: read = events read; written = events placed in sessions (each in exactly
 * one); the SESSIONS counter equals the records written.
 */
public class SessionizeJob extends MrSuiteTool {
  public static final String NAME = "sessionize";
  public static final String DATASET = "sessions";

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date X\n--input PATH[,PATH...] --output DIR --quarantine DIR --date X")
        .option("root", "ROOT", "warehouse root (local path or hdfs://...); reads curated/"
            + EnrichEventsJob.DATASET + "/dt=X, which must hold _SUCCESS")
        .option("date", "X", "event date YYYY-MM-DD")
        .option("input", "PATH[,PATH]", "enriched event partitions, instead of --root")
        .option("output", "DIR", "output directory (with --input); replaced whole")
        .option("quarantine", "DIR", "quarantine directory (with --input), empty for this job; replaced whole");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    LocalDate date = Dates.parseOption("date", options.required("date"));
    List<Path> inputs = new ArrayList<>();
    Path output;
    Path quarantine;
    if (options.has("root")) {
      if (options.has("input") || options.has("output") || options.has("quarantine")) {
        throw new UsageException("give either --root or --input/--output/--quarantine, not both");
      }
      Warehouse warehouse = new Warehouse(new Path(options.get("root")));
      inputs.add(CompletePartitions.of(NAME, warehouse.curatedDataset(EnrichEventsJob.DATASET), date, getConf()));
      output = warehouse.curated(DATASET, date);
      quarantine = warehouse.quarantine(DATASET, date);
    } else if (!options.has("input")) {
      throw new UsageException("give --root and --date, or --input, --output, --quarantine and --date");
    } else {
      for (String path : options.get("input").split(",")) {
        if (!path.isEmpty()) {
          inputs.add(new Path(path));
        }
      }
      output = new Path(options.required("output"));
      quarantine = new Path(options.required("quarantine"));
    }

    Job job = Job.getInstance(getConf(), NAME + " dt=" + date);
    job.setJarByClass(SessionizeJob.class);
    job.setInputFormatClass(AvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, EnrichedEvent.getClassSchema());
    FileInputFormat.setInputPaths(job, inputs.toArray(new Path[0]));
    job.setMapperClass(SessionizeMapper.class);
    AvroJob.setMapOutputKeySchema(job, SessionKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job, SessionEvent.getClassSchema());
    job.setPartitionerClass(VisitorPartitioner.class);
    // After setMapOutputKeySchema, which sets Avro's full-key comparator for grouping as well.
    job.setGroupingComparatorClass(SessionKeyGroupingComparator.class);
    job.setReducerClass(SessionizeReducer.class);

    CuratedRun run = new CuratedRun(NAME, date, output, quarantine, job.getConfiguration(), oozieAction());
    run.configureOutputs(job, Session.getClassSchema());
    run.runAndPublish(job, inputs, SessionizeJob::sessionsWritten,
        Map.of("event_date", date.toString(), "written_counts", "events placed in sessions"));
    Counters counters = job.getCounters();
    System.out.printf("  sessions:   %d (%d converted)%n", counters.findCounter(SessionizeCounters.SESSIONS).getValue(),
        counters.findCounter(SessionizeCounters.CONVERTED_SESSIONS).getValue());
    return 0;
  }

  /** Every session counted is one record the reducers wrote. */
  private static List<String> sessionsWritten(Counters counters) {
    long sessions = counters.findCounter(SessionizeCounters.SESSIONS).getValue();
    long output = counters.findCounter(TaskCounter.REDUCE_OUTPUT_RECORDS).getValue();
    return sessions == output ? List.of() : List.of("counted sessions " + sessions + " != records the output wrote " + output);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new SessionizeJob(), args));
  }
}
