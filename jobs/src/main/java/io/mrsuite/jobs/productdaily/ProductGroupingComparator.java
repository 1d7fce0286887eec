package io.mrsuite.jobs.productdaily;

import io.mrsuite.formats.avro.ProductViewerKey;
import io.mrsuite.jobs.common.keyed.FieldGroupingComparator;

/** Groups serialized {@link ProductViewerKey}s by product_id, so one reduce call sees all of a product's viewers. */
public final class ProductGroupingComparator extends FieldGroupingComparator<ProductViewerKey> {
  public ProductGroupingComparator() {
    super(ProductViewerKey.getClassSchema(), "product_id");
  }
}
