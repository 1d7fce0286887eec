package io.mrsuite.jobs.ingest.events;

import io.mrsuite.formats.text.CombinedLineInputFormat;
import io.mrsuite.formats.text.TextInputKeys;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.JobPaths;
import io.mrsuite.jobs.run.OutputCheck;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.tool.DatasetJob;
import io.mrsuite.jobs.tool.JobInput;
import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.ToolRunner;

/**
 * Validates one arrival date of raw clickstream JSON Lines into curated Avro events and quarantined lines.
 *
 * <p>This is ingest-events. Valid events go to {@code curated/events/dt=D}, and every rejected line, with its
 * reason, to {@code quarantine/events/dt=D}.
 *
 * <p>Map-only. Small files are packed into combined splits. Both outputs are staged and published only
 * after the job succeeded and its books balance (read = written + quarantined + skipped, and the output
 * formats agree); a rerun replaces both partitions whole.
 */
public class IngestEventsJob extends DatasetJob {
  public static final String NAME = "ingest-events";
  /** Split size when the job sets none: without one, CombineFileInputFormat makes one split per node. */
  public static final long DEFAULT_MAX_SPLIT_BYTES = 128L * 1024 * 1024;
  private static final String INPUT = "input";
  private static final String LATE_DAYS = "late-days";

  public IngestEventsJob() {
    super(NAME, Dataset.EVENTS, List.of(JobInput.landed(INPUT, Dataset.RAW_EVENTS)));
  }

  @Override
  protected void addOptions(JobOptions options) {
    options.option(LATE_DAYS, "N", "events dated before D - N are LATE (default " + Dataset.DEFAULT_LATE_DAYS + ")");
  }

  @Override
  protected String optionsSynopsis() {
    return "[--late-days N]";
  }

  @Override
  protected void run(JobPaths paths, JobOptions.Parsed options) throws UsageException, IOException,
      InterruptedException, ClassNotFoundException {
    int lateDays = options.intValue(LATE_DAYS, Dataset.DEFAULT_LATE_DAYS, 0);
    Job job = Job.getInstance(getConf(), NAME + " dt=" + paths.date());
    Configuration conf = job.getConfiguration();
    job.setJarByClass(IngestEventsJob.class);
    IngestEventsKeys.setLateDays(conf, lateDays);
    // Read once here so a bad -D value fails on the client, not in every task.
    TextInputKeys.maxRecordBytes(conf);

    job.setInputFormatClass(CombinedLineInputFormat.class);
    FileInputFormat.setInputPaths(job, paths.input(INPUT).toArray(new Path[0]));
    if (conf.get(FileInputFormat.SPLIT_MAXSIZE) == null) {
      FileInputFormat.setMaxInputSplitSize(job, DEFAULT_MAX_SPLIT_BYTES);
    }
    job.setMapperClass(IngestEventsMapper.class);
    job.setNumReduceTasks(0);

    CuratedRun run = new CuratedRun(NAME, paths, conf, oozieAction());
    run.configureOutputs(job, output());
    run.runAndPublish(job, OutputCheck.holds(RecordCounters.WRITTEN),
        Map.of("arrival_date", paths.date().toString(), "late_days", String.valueOf(lateDays)));
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new IngestEventsJob(), args));
  }
}
