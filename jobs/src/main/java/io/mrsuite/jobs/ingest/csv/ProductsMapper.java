package io.mrsuite.jobs.ingest.csv;

import io.mrsuite.formats.avro.Product;
import io.mrsuite.formats.commerce.CommerceRules;
import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.jobs.warehouse.Dataset;
import java.time.LocalDate;

/** Validates catalog snapshot rows, keyed by product_id. */
public class ProductsMapper extends CsvIngestMapper<Product> {
  @Override
  protected String dataset() {
    return Dataset.RAW_PRODUCTS.dir();
  }

  @Override
  protected Product validate(CsvRecord csv, LocalDate exportDate) throws Rejection {
    Product product = CommerceRules.product(csv.fields());
    product.setSnapshotDate(exportDate);
    product.setSourceFile(csv.sourceFile());
    product.setSourceOffset(csv.offset());
    return product;
  }

  @Override
  protected String key(Product product) {
    return product.getProductId();
  }
}
