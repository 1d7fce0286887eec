package io.mrsuite.jobs.topproducts;

import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.formats.avro.RankedProductKey;
import io.mrsuite.formats.avro.TopProduct;
import io.mrsuite.jobs.common.DailyMartJob;
import io.mrsuite.jobs.common.Warehouse;
import io.mrsuite.jobs.productdaily.ProductDailyJob;
import java.io.IOException;
import org.apache.avro.Schema;
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
public class TopProductsJob extends DailyMartJob {
  public static final String NAME = "top-products";
  public static final String TABLE = "top_products";

  public TopProductsJob() {
    super(NAME, TABLE);
  }

  @Override
  protected Path inputDataset(Warehouse warehouse) {
    return warehouse.martTable(ProductDailyJob.TABLE);
  }

  @Override
  protected Schema rowSchema() {
    return TopProduct.getClassSchema();
  }

  @Override
  protected void configure(Job job, Path input) throws IOException {
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
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new TopProductsJob(), args));
  }
}
