package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.Product;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/** Reduce-side join, catalog side: keys each product by its id, sorted before the product's events. */
public class CatalogJoinMapper extends Mapper<AvroKey<Product>, NullWritable, AvroKey<JoinKey>, AvroValue<Object>> {
  static final int PRODUCT_KIND = 0;

  private final AvroKey<JoinKey> outKey = new AvroKey<>();
  private final AvroValue<Object> outValue = new AvroValue<>();

  @Override
  protected void map(AvroKey<Product> key, NullWritable value, Context context) throws IOException, InterruptedException {
    Product product = key.datum();
    context.getCounter(EnrichCounters.CATALOG_PRODUCTS).increment(1);
    outKey.datum(new JoinKey(product.getProductId(), PRODUCT_KIND, 0, product.getSourceFile(),
        product.getSourceOffset()));
    outValue.datum(product);
    context.write(outKey, outValue);
  }
}
