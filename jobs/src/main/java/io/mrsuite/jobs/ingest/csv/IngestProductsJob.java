package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.csv.CombinedCsvInputFormat;
import io.mrsuite.jobs.warehouse.Dataset;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/** ingest-products: a day's catalog snapshot CSV → {@code curated/products/dt=D}, one record per product_id. */
public class IngestProductsJob extends SnapshotIngestJob {
  public static final String NAME = "ingest-products";

  /** Products CSV with the contract's header. */
  public static class ProductsCsvInputFormat extends CombinedCsvInputFormat {
    @Override
    protected List<String> expectedHeader(Configuration conf) {
      return CommerceColumns.PRODUCTS;
    }
  }

  public IngestProductsJob() {
    super(NAME, new CsvInput(Dataset.RAW_PRODUCTS, ProductsCsvInputFormat.class, ProductsMapper.class), Dataset.PRODUCTS);
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new IngestProductsJob(), args));
  }
}
