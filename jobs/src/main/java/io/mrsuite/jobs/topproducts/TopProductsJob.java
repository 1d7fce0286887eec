package io.mrsuite.jobs.topproducts;

import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.formats.avro.RankedProductKey;
import io.mrsuite.formats.avro.TopProduct;
import io.mrsuite.jobs.common.CompletePartitions;
import io.mrsuite.jobs.common.Dates;
import io.mrsuite.jobs.common.JobOptions;
import io.mrsuite.jobs.common.MartRun;
import io.mrsuite.jobs.common.MrSuiteTool;
import io.mrsuite.jobs.common.UsageException;
import io.mrsuite.jobs.common.Warehouse;
import io.mrsuite.jobs.productdaily.ProductDailyJob;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetInputFormat;

/**
 * top-products --date X: {@code marts/top_products/dt=X}, the 10 products of product_daily with the highest
 * revenue_usd in each category (null its own group), ties by product_id. A secondary sort on (category,
 * revenue descending, product_id), partitioned by category, so the categories spread over the reducers and
 * each reducer keeps nothing but a counter. Books: read = product_daily rows; written = ranked; skipped =
 * beyond rank 10.
 */
public class TopProductsJob extends MrSuiteTool {
  public static final String NAME = "top-products";
  public static final String TABLE = "top_products";

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT --date X\n--input PATH --output DIR --date X")
        .option("root", "ROOT", "warehouse root; reads marts/" + ProductDailyJob.TABLE + "/dt=X (with _SUCCESS)")
        .option("date", "X", "event date YYYY-MM-DD")
        .option("input", "PATH", "product_daily partition, instead of --root")
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
      input = CompletePartitions.of(NAME, warehouse.martTable(ProductDailyJob.TABLE), date, getConf());
      output = warehouse.mart(TABLE, date);
    } else if (!options.has("input")) {
      throw new UsageException("give --root and --date, or --input, --output and --date");
    } else {
      input = new Path(options.get("input"));
      output = new Path(options.required("output"));
    }

    Job job = Job.getInstance(getConf(), NAME + " dt=" + date);
    job.setJarByClass(TopProductsJob.class);
    job.setInputFormatClass(AvroParquetInputFormat.class);
    AvroParquetInputFormat.setAvroReadSchema(job, ProductDaily.getClassSchema());
    FileInputFormat.setInputPaths(job, input);
    job.setMapperClass(TopProductsMapper.class);
    AvroJob.setMapOutputKeySchema(job, RankedProductKey.getClassSchema());
    AvroJob.setMapOutputValueSchema(job, TopProduct.getClassSchema());
    job.setPartitionerClass(CategoryPartitioner.class);
    // After setMapOutputKeySchema, which sets Avro's full-key comparator for grouping as well.
    job.setGroupingComparatorClass(CategoryGroupingComparator.class);
    job.setReducerClass(TopProductsReducer.class);

    MartRun run = new MartRun(NAME, date, output, job.getConfiguration());
    run.configureOutput(job, TopProduct.getClassSchema());
    run.runAndPublish(job, List.of(input), Map.of("event_date", date.toString()));
    return 0;
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new TopProductsJob(), args));
  }
}
