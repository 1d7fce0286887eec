package io.mrsuite.jobs.funnel;

import io.mrsuite.formats.avro.CountryKey;
import io.mrsuite.formats.avro.FunnelCounts;
import io.mrsuite.formats.avro.FunnelDaily;
import io.mrsuite.formats.avro.Session;
import io.mrsuite.jobs.common.CompletePartitions;
import io.mrsuite.jobs.common.Dates;
import io.mrsuite.jobs.common.JobOptions;
import io.mrsuite.jobs.common.MartKeys;
import io.mrsuite.jobs.common.MartRun;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.UsageException;
import io.mrsuite.jobs.common.Warehouse;
import io.mrsuite.jobs.sessionize.SessionizeJob;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyInputFormat;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.ToolRunner;

/**
 * funnel-daily --date X: {@code marts/funnel_daily/dt=X}, per session country (null its own row) the sessions
 * and how many reached a product view, a cart add, a checkout and a purchase. Books: read = written = sessions.
 */
public class FunnelDailyJob extends MrSuiteTool {
  public static final String NAME = "funnel-daily";
  public static final String TABLE = "funnel_daily";

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date X\n--input PATH --output DIR --date X")
        .option("root", "ROOT", "warehouse root; reads curated/" + SessionizeJob.DATASET + "/dt=X (with _SUCCESS)")
        .option("date", "X", "event date YYYY-MM-DD")
        .option("input", "PATH", "sessions partition, instead of --root")
        .option("output", "DIR", "mart partition to write (with --input); replaced whole");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    LocalDate date = Dates.parseOption("date", options.required("date"));
    Path input;
    Path output;
    if (options.has("root")) {
      if (options.has("input") || options.has("output")) {
        throw new UsageException("give either --root or --input/--output, not both");
      }
      Warehouse warehouse = new Warehouse(new Path(options.get("root")));
      input = CompletePartitions.of(NAME, warehouse.curatedDataset(SessionizeJob.DATASET), date, getConf());
      output = warehouse.mart(TABLE, date);
    } else if (!options.has("input")) {
      throw new UsageException("give --root and --date, or --input, --output and --date");
    } else {
      input = new Path(options.get("input"));
      output = new Path(options.required("output"));
    }

    Job job = Job.getInstance(getConf(), NAME + " dt=" + date);
    job.setJarByClass(FunnelDailyJob.class);
    MartKeys.setEventDate(job.getConfiguration(), date);
    job.setInputFormatClass(AvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, Session.getClassSchema());
    FileInputFormat.setInputPaths(job, input);
    job.setMapperClass(FunnelDailyMapper.class);
    AvroJob.setMapOutputKeySchema(job, CountryKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job, FunnelCounts.getClassSchema());
    job.setCombinerClass(FunnelCountsCombiner.class);
    job.setReducerClass(FunnelDailyReducer.class);

    MartRun run = new MartRun(NAME, date, output, job.getConfiguration());
    run.configureOutput(job, FunnelDaily.getClassSchema());
    run.runAndPublish(job, List.of(input), Map.of("event_date", date.toString()));
    return 0;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new FunnelDailyJob(), args));
  }
}
