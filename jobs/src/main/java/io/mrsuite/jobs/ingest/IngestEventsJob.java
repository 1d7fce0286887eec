package io.mrsuite.jobs.ingest;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.partition.DatePartitions;
import io.mrsuite.formats.partition.IgnoredEntry;
import io.mrsuite.formats.partition.MissingPartitionsException;
import io.mrsuite.formats.partition.PartitionSelection;
import io.mrsuite.formats.text.CombinedLineInputFormat;
import io.mrsuite.formats.text.TextInputKeys;
import io.mrsuite.jobs.common.CuratedRun;
import io.mrsuite.jobs.common.Dates;
import io.mrsuite.jobs.common.JobFailedException;
import io.mrsuite.jobs.common.JobOptions;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.UsageException;
import io.mrsuite.jobs.common.Warehouse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.ToolRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ingest-events: raw clickstream JSON Lines of one arrival date → validated Avro events in
 * {@code curated/events/dt=D} and every rejected line, with its reason, in {@code quarantine/events/dt=D}.
 *
 * <p>Map-only. Small files are packed into combined splits. Both outputs are staged and published only
 * after the job succeeded and its books balance (read = written + quarantined + skipped, and the output
 * formats agree); a rerun replaces both partitions whole.
 */
public class IngestEventsJob extends MrSuiteTool {
  private static final Logger LOG = LoggerFactory.getLogger(IngestEventsJob.class);
  public static final String NAME = "ingest-events";
  public static final String DATASET = "events";
  /** Split size when the job sets none: without one, CombineFileInputFormat makes one split per node. */
  public static final long DEFAULT_MAX_SPLIT_BYTES = 128L * 1024 * 1024;

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date D [--late-days N]\n"
        + "--input PATH[,PATH...] --output DIR --quarantine DIR [--date D] [--late-days N]")
        .option("root", "ROOT", "warehouse root (local path or hdfs://...); reads raw/events/dt=D/hr=*/")
        .option("date", "D", "arrival date YYYY-MM-DD; with --input, defaults to the dt= in the input paths")
        .option("input", "PATH[,PATH]", "input files, directories or globs, instead of --root")
        .option("output", "DIR", "curated output directory (with --input); replaced whole")
        .option("quarantine", "DIR", "quarantine output directory (with --input); replaced whole")
        .option("late-days", "N", "events dated before D - N are LATE (default "
            + IngestEventsKeys.DEFAULT_LATE_DAYS + ")");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    Configuration conf = getConf();
    List<Path> inputs = new ArrayList<>();
    Path output;
    Path quarantine;
    LocalDate date;
    if (options.has("root")) {
      if (options.has("input") || options.has("output") || options.has("quarantine")) {
        throw new UsageException("give either --root or --input/--output/--quarantine, not both");
      }
      Warehouse warehouse = new Warehouse(new Path(options.get("root")));
      date = Dates.parseOption("date", options.required("date"));
      inputs.addAll(rawHours(warehouse.rawDataset(DATASET), date, conf));
      output = warehouse.curated(DATASET, date);
      quarantine = warehouse.quarantine(DATASET, date);
    } else if (!options.has("input")) {
      throw new UsageException("give --root and --date, or --input, --output and --quarantine");
    } else {
      for (String path : options.get("input").split(",")) {
        if (!path.isEmpty()) {
          inputs.add(new Path(path));
        }
      }
      output = new Path(options.required("output"));
      quarantine = new Path(options.required("quarantine"));
      date = options.has("date") ? Dates.parseOption("date", options.get("date")) : Dates.fromPartitions(inputs);
    }
    int lateDays = options.intValue("late-days", IngestEventsKeys.DEFAULT_LATE_DAYS, 0);
    for (Path input : inputs) {
      requireMatches(input, conf);
    }
    return ingest(inputs, output, quarantine, date, lateDays);
  }

  private int ingest(List<Path> inputs, Path output, Path quarantine, LocalDate date, int lateDays)
      throws IOException, InterruptedException, ClassNotFoundException {
    Job job = Job.getInstance(getConf(), NAME + " dt=" + date);
    Configuration conf = job.getConfiguration();
    job.setJarByClass(IngestEventsJob.class);
    IngestEventsKeys.setArrivalDate(conf, date);
    IngestEventsKeys.setLateDays(conf, lateDays);
    // Read once here so a bad -D value fails on the client, not in every task.
    TextInputKeys.maxRecordBytes(conf);

    job.setInputFormatClass(CombinedLineInputFormat.class);
    FileInputFormat.setInputPaths(job, inputs.toArray(new Path[0]));
    if (conf.get(FileInputFormat.SPLIT_MAXSIZE) == null) {
      FileInputFormat.setMaxInputSplitSize(job, DEFAULT_MAX_SPLIT_BYTES);
    }
    job.setMapperClass(IngestEventsMapper.class);
    job.setNumReduceTasks(0);

    CuratedRun run = new CuratedRun(NAME, date, output, quarantine, conf, oozieAction());
    run.configureOutputs(job, Event.getClassSchema());
    run.runAndPublish(job, inputs, CuratedRun.writtenEquals(TaskCounter.MAP_OUTPUT_RECORDS),
        Map.of("arrival_date", date.toString(), "late_days", String.valueOf(lateDays)));
    return 0;
  }

  /** The hr=HH directories of the raw partition of {@code date}; a missing partition is an error. */
  private static List<Path> rawHours(Path dataset, LocalDate date, Configuration conf) throws IOException {
    PartitionSelection selection;
    try {
      selection = DatePartitions.forDate(date).withHours(true).select(dataset.getFileSystem(conf), dataset);
    } catch (MissingPartitionsException e) {
      throw new JobFailedException("nothing to ingest: " + e.getMessage());
    }
    Path partition = selection.partitionPaths().get(0);
    List<String> misplaced = new ArrayList<>();
    for (IgnoredEntry entry : selection.warnings()) {
      if (entry.path().getParent().equals(partition)) {
        misplaced.add(entry.path().getName() + " (" + entry.reason().description() + ")");
      } else {
        LOG.warn("Not a partition of this run: {} ({})", entry.path(), entry.reason().description());
      }
    }
    if (!misplaced.isEmpty()) {
      // Data inside the partition but outside hr=HH would otherwise be left unread without a trace.
      throw new JobFailedException("raw partition " + partition + " holds entries that are not hr=HH directories: "
          + String.join(", ", misplaced) + "; move them into an hour directory or out of the partition");
    }
    if (selection.hourPaths().isEmpty()) {
      throw new JobFailedException("raw partition " + partition + " holds no hr=HH directories: nothing to ingest");
    }
    return selection.hourPaths();
  }

  private static void requireMatches(Path input, Configuration conf) throws IOException {
    FileStatus[] matches = input.getFileSystem(conf).globStatus(input);
    if (matches == null || matches.length == 0) {
      throw new JobFailedException("input " + input + " matches nothing");
    }
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new IngestEventsJob(), args));
  }
}
