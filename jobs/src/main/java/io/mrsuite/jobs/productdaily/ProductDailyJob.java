package io.mrsuite.jobs.productdaily;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.ProductActivity;
import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.formats.avro.ProductViewerKey;
import io.mrsuite.jobs.common.CompletePartitions;
import io.mrsuite.jobs.common.Dates;
import io.mrsuite.jobs.common.JobOptions;
import io.mrsuite.jobs.common.MartKeys;
import io.mrsuite.jobs.common.MartRun;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.UsageException;
import io.mrsuite.jobs.common.Warehouse;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
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
 * product-daily --date X: {@code marts/product_daily/dt=X}, one row per product named by a candidate event of
 * X, from the enriched events (which carry the catalog's category and brand and the day's rate). unique_viewers
 * is exact: a secondary sort on (product_id, viewer) with a combiner that keeps viewers apart. Books: read =
 * enriched events; written = those naming a product; skipped = the others.
 */
public class ProductDailyJob extends MrSuiteTool {
  public static final String NAME = "product-daily";
  public static final String TABLE = "product_daily";

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date X\n--input PATH --output DIR --date X")
        .option("root", "ROOT", "warehouse root; reads curated/" + EnrichEventsJob.DATASET + "/dt=X (with _SUCCESS)")
        .option("date", "X", "event date YYYY-MM-DD")
        .option("input", "PATH", "enriched event partition, instead of --root")
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
      input = CompletePartitions.of(NAME, warehouse.curatedDataset(EnrichEventsJob.DATASET), date, getConf());
      output = warehouse.mart(TABLE, date);
    } else if (!options.has("input")) {
      throw new UsageException("give --root and --date, or --input, --output and --date");
    } else {
      input = new Path(options.get("input"));
      output = new Path(options.required("output"));
    }

    Job job = Job.getInstance(getConf(), NAME + " dt=" + date);
    job.setJarByClass(ProductDailyJob.class);
    MartKeys.setEventDate(job.getConfiguration(), date);
    job.setInputFormatClass(AvroKeyInputFormat.class);
    AvroJob.setInputKeySchema(job, EnrichedEvent.getClassSchema());
    FileInputFormat.setInputPaths(job, input);
    job.setMapperClass(ProductDailyMapper.class);
    AvroJob.setMapOutputKeySchema(job, ProductViewerKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job, ProductActivity.getClassSchema());
    job.setCombinerClass(ProductActivityCombiner.class);
    job.setPartitionerClass(ProductPartitioner.class);
    // After setMapOutputKeySchema, which sets Avro's full-key comparator for grouping as well. The combiner
    // keeps grouping on the full key.
    job.setGroupingComparatorClass(ProductGroupingComparator.class);
    job.setReducerClass(ProductDailyReducer.class);

    MartRun run = new MartRun(NAME, date, output, job.getConfiguration());
    run.configureOutput(job, ProductDaily.getClassSchema());
    run.runAndPublish(job, List.of(input), Map.of("event_date", date.toString()));
    return 0;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new ProductDailyJob(), args));
  }
}
