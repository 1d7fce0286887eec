package io.mrsuite.jobs.productdaily;

import io.mrsuite.formats.avro.ProductViewerKey;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.mapreduce.Partitioner;

/** Sends every key of one product to one reducer, whatever its viewer. */
public final class ProductPartitioner<V> extends Partitioner<AvroKey<ProductViewerKey>, V> {
  @Override
  public int getPartition(AvroKey<ProductViewerKey> key, V value, int partitions) {
    // Masking the sign bit, not Math.abs: abs(Integer.MIN_VALUE) is negative.
    return (key.datum().getProductId().hashCode() & Integer.MAX_VALUE) % partitions;
  }
}
