package io.mrsuite.jobs.dedup;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.JoinKey;
import io.mrsuite.jobs.common.CompletePartitions;
import io.mrsuite.jobs.common.CuratedRun;
import io.mrsuite.jobs.common.Dates;
import io.mrsuite.jobs.common.JobOptions;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.UsageException;
import io.mrsuite.jobs.common.Warehouse;
import io.mrsuite.jobs.common.keyed.JoinKeyGroupingComparator;
import io.mrsuite.jobs.ingest.IngestEventsKeys;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.ToolRunner;

/**
 * dedup-events --date X: the curated events of arrival dates X .. X+late_days whose event date is X, each
 * event_id once (the first by arrival date, source file, byte offset), in {@code curated/events_dedup/dt=X}.
 * The output is one total order by (hash of event_id, event_id) across its part files, so the same input
 * gives the same records in the same order whatever the number of reducers.
 */
public class DedupEventsJob extends MrSuiteTool {
  public static final String NAME = "dedup-events";
  public static final String DATASET = "events_dedup";
  static final String INPUT_DATASET = "events";

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date X [--late-days N] [--allow-missing]\n"
        + "--input PATH[,PATH...] --output DIR --quarantine DIR --date X")
        .option("root", "ROOT", "warehouse root (local path or hdfs://...); reads curated/events/dt=X..X+N")
        .option("date", "X", "event date YYYY-MM-DD")
        .option("late-days", "N", "arrival partitions read after X (default " + IngestEventsKeys.DEFAULT_LATE_DAYS
            + "); each must hold _SUCCESS")
        .flag("allow-missing", "run without arrival partitions that are missing or incomplete (listed in the output)")
        .option("input", "PATH[,PATH]", "curated event partitions, instead of --root")
        .option("output", "DIR", "output directory (with --input); replaced whole")
        .option("quarantine", "DIR", "quarantine directory (with --input), empty for this job; replaced whole");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    Configuration conf = getConf();
    LocalDate date = Dates.parseOption("date", options.required("date"));
    List<Path> inputs = new ArrayList<>();
    Path output;
    Path quarantine;
    if (options.has("root")) {
      if (options.has("input") || options.has("output") || options.has("quarantine")) {
        throw new UsageException("give either --root or --input/--output/--quarantine, not both");
      }
      Warehouse warehouse = new Warehouse(new Path(options.get("root")));
      int lateDays = options.intValue("late-days", IngestEventsKeys.DEFAULT_LATE_DAYS, 0);
      inputs.addAll(CompletePartitions.range(NAME, warehouse.curatedDataset(INPUT_DATASET), date, lateDays,
          options.has("allow-missing"), conf));
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

    Job job = Job.getInstance(conf, NAME + " dt=" + date);
    job.setJarByClass(DedupEventsJob.class);
    DedupEventsKeys.setEventDate(job.getConfiguration(), date);
    job.setInputFormatClass(AvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, Event.getClassSchema());
    FileInputFormat.setInputPaths(job, inputs.toArray(new Path[0]));
    job.setMapperClass(DedupEventsMapper.class);
    AvroJob.setMapOutputKeySchema(job, JoinKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job, Event.getClassSchema());
    job.setPartitionerClass(HashRangePartitioner.class);
    // After setMapOutputKeySchema, which sets Avro's full-key comparator for grouping as well.
    job.setGroupingComparatorClass(JoinKeyGroupingComparator.class);
    job.setReducerClass(DedupEventsReducer.class);

    CuratedRun run = new CuratedRun(NAME, date, output, quarantine, job.getConfiguration(), oozieAction());
    run.configureOutputs(job, Event.getClassSchema());
    run.runAndPublish(job, inputs, CuratedRun.writtenEquals(TaskCounter.REDUCE_OUTPUT_RECORDS),
        Map.of("event_date", date.toString()));
    return 0;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new DedupEventsJob(), args));
  }
}
