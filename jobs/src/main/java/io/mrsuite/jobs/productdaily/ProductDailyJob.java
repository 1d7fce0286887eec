package io.mrsuite.jobs.productdaily;

import io.mrsuite.jobs.shuffle.SecondarySort;
import io.mrsuite.jobs.tool.DailyMartJob;
import io.mrsuite.jobs.warehouse.Dataset;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;

/**
 * Builds one product_daily row per product named by a candidate event of event date X.
 *
 * <p>This is {@code product-daily --date X}, writing {@code marts/product_daily/dt=X} from the enriched
 * events, which carry the catalog's category and brand and the day's rate. unique_viewers is exact: a
 * secondary sort on (product_id, viewer) with a combiner that keeps viewers apart.
 *
 * <p>Books: read = enriched events; written = those naming a product; skipped = the others.
 */
public class ProductDailyJob extends DailyMartJob {
  public static final String NAME = "product-daily";

  public ProductDailyJob() {
    super(NAME, Dataset.EVENTS_ENRICHED, Dataset.PRODUCT_DAILY);
  }

  @Override
  protected void configure(Job job) {
    job.setMapperClass(ProductDailyMapper.class);
    // The combiner groups on the full key, so it keeps viewers apart.
    SecondarySort.configure(job, ProductViewerKey.getClassSchema(), ProductActivity.getClassSchema(), "product_id");
    job.setCombinerClass(ProductActivityCombiner.class);
    job.setReducerClass(ProductDailyReducer.class);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new ProductDailyJob(), args));
  }
}
