package io.mrsuite.jobs.productdaily;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.ProductActivity;
import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.formats.avro.ProductViewerKey;
import io.mrsuite.jobs.common.DailyMartJob;
import io.mrsuite.jobs.common.Warehouse;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
import java.io.IOException;
import org.apache.avro.Schema;
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
public class ProductDailyJob extends DailyMartJob {
  public static final String NAME = "product-daily";
  public static final String TABLE = "product_daily";

  public ProductDailyJob() {
    super(NAME, TABLE);
  }

  @Override
  protected Path inputDataset(Warehouse warehouse) {
    return warehouse.curatedDataset(EnrichEventsJob.DATASET);
  }

  @Override
  protected Schema rowSchema() {
    return ProductDaily.getClassSchema();
  }

  @Override
  protected void configure(Job job, Path input) throws IOException {
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
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new ProductDailyJob(), args));
  }
}
