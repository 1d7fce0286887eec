package io.mrsuite.jobs.snapshot;

import io.mrsuite.formats.avro.Product;
import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.csv.CsvInputFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/** ingest-products: a day's catalog snapshot CSV → {@code curated/products/dt=D}, one record per product_id. */
public class IngestProductsJob extends SnapshotIngestJob {
  public static final String NAME = "ingest-products";
  public static final String DATASET = "products";

  /** Products CSV with the contract's header. */
  public static class ProductsCsvInputFormat extends CsvInputFormat {
    @Override
    protected List<String> expectedHeader(Configuration conf) {
      return CommerceColumns.PRODUCTS;
    }
  }

  public IngestProductsJob() {
    super(NAME, DATASET, ProductsCsvInputFormat.class, ProductsMapper.class, Product.getClassSchema());
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new IngestProductsJob(), args));
  }
}
