package io.mrsuite.jobs.topproducts;

import io.mrsuite.formats.avro.TopProduct;
import io.mrsuite.jobs.shuffle.SecondarySort;
import io.mrsuite.jobs.tool.DailyMartJob;
import io.mrsuite.jobs.warehouse.Dataset;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;

/**
 * Ranks the 10 products with the highest revenue_usd in each category of product_daily.
 *
 * <p>This is {@code top-products --date X}, writing {@code marts/top_products/dt=X}. A null category is its
 * own group, and ties go by product_id. A secondary sort on (category, revenue descending, product_id),
 * partitioned by category, spreads the categories over the reducers, and each reducer keeps nothing but a
 * counter.
 *
 * <p>Books: read = product_daily rows; written = ranked; skipped = beyond rank 10.
 */
public class TopProductsJob extends DailyMartJob {
  public static final String NAME = "top-products";

  public TopProductsJob() {
    super(NAME, Dataset.PRODUCT_DAILY, Dataset.TOP_PRODUCTS);
  }

  @Override
  protected void configure(Job job) {
    job.setMapperClass(TopProductsMapper.class);
    SecondarySort.configure(job, RankedProductKey.getClassSchema(), TopProduct.getClassSchema(), "category");
    job.setReducerClass(TopProductsReducer.class);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new TopProductsJob(), args));
  }
}
