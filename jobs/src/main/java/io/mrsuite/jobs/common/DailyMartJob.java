package io.mrsuite.jobs.common;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * A mart job that reads one partition of event date X and writes {@code marts/<table>/dt=X} through
 * {@link MartRun}: {@code --root ROOT --date X} (the input partition must hold {@code _SUCCESS}), or
 * {@code --input PATH --output DIR --date X}. Subclasses say where the input is and set the job's
 * mappers, shuffle and reducers.
 */
public abstract class DailyMartJob extends MrSuiteTool {
  private final String name;
  private final String table;

  protected DailyMartJob(String name, String table) {
    this.name = name;
    this.table = table;
  }

  /** The dataset directory whose {@code dt=X} partition is the input, e.g. {@code curated/sessions}. */
  protected abstract Path inputDataset(Warehouse warehouse);

  /** The Avro schema of the mart's rows. */
  protected abstract Schema rowSchema();

  /** Sets the input format and path, mapper, map output, combiner, partitioner, grouping and reducer. */
  protected abstract void configure(Job job, Path input) throws IOException;

  @Override
  protected final JobOptions options() {
    return new JobOptions(name, "--root ROOT --date X\n--input PATH --output DIR --date X")
        .option("root", "ROOT", "warehouse root; reads the input partition dt=X (with _SUCCESS), writes marts/"
            + table + "/dt=X")
        .option("date", "X", "event date YYYY-MM-DD")
        .option("input", "PATH", "input partition, instead of --root")
        .option("output", "DIR", "mart partition to write (with --input); replaced whole");
  }

  @Override
  protected final int run(JobOptions.Parsed options) throws UsageException, IOException, InterruptedException,
      ClassNotFoundException {
    LocalDate date = Dates.parseOption("date", options.required("date"));
    Path input;
    Path output;
    if (options.has("root")) {
      if (options.has("input") || options.has("output")) {
        throw new UsageException("give either --root or --input/--output, not both");
      }
      Warehouse warehouse = new Warehouse(new Path(options.get("root")));
      input = CompletePartitions.of(name, inputDataset(warehouse), date, getConf());
      output = warehouse.mart(table, date);
    } else if (!options.has("input")) {
      throw new UsageException("give --root and --date, or --input, --output and --date");
    } else {
      input = new Path(options.get("input"));
      output = new Path(options.required("output"));
    }

    Job job = Job.getInstance(getConf(), name + " dt=" + date);
    job.setJarByClass(getClass());
    MartKeys.setEventDate(job.getConfiguration(), date);
    configure(job, input);
    MartRun run = new MartRun(name, date, output, job.getConfiguration(), oozieAction());
    run.configureOutput(job, rowSchema());
    run.runAndPublish(job, List.of(input), Map.of("event_date", date.toString()));
    return 0;
  }
}
