package io.mrsuite.jobs.topproducts;

import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.formats.avro.TopProduct;
import io.mrsuite.jobs.run.RecordCounters;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Keys each product_daily row in the order its category's reducer ranks it.
 *
 * <p>The key is (category, revenue in cents descending, product_id). The revenue is already rounded to cents,
 * so cents are exact.
 */
public class TopProductsMapper extends Mapper<Void, ProductDaily, AvroKey<RankedProductKey>, AvroValue<TopProduct>> {
  private final AvroKey<RankedProductKey> outKey = new AvroKey<>();
  private final AvroValue<TopProduct> outValue = new AvroValue<>();

  @Override
  protected void map(Void ignored, ProductDaily row, Context context) throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    outKey.datum(rankingKey(row));
    outValue.datum(new TopProduct(row.getCategory(), 0, row.getProductId(), row.getRevenueUsd(), row.getEventDate()));
    context.write(outKey, outValue);
  }

  /** (category, revenue in cents, product_id); an IOException naming the product when cents overflow a long. */
  static RankedProductKey rankingKey(ProductDaily row) throws IOException {
    try {
      return new RankedProductKey(row.getCategory(), row.getRevenueUsd().movePointRight(2).longValueExact(),
          row.getProductId());
    } catch (ArithmeticException e) {
      throw new IOException("revenue_usd " + row.getRevenueUsd() + " of product " + row.getProductId()
          + " does not fit the ranking key (cents in a long)", e);
    }
  }
}
