package io.mrsuite.jobs.topproducts;

import io.mrsuite.formats.avro.RankedProductKey;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.mapreduce.Partitioner;

/** Sends a category's products to one reducer; the categories spread over all of them. */
public final class CategoryPartitioner<V> extends Partitioner<AvroKey<RankedProductKey>, V> {
  @Override
  public int getPartition(AvroKey<RankedProductKey> key, V value, int partitions) {
    String category = key.datum().getCategory();
    // Masking the sign bit, not Math.abs: abs(Integer.MIN_VALUE) is negative.
    return category == null ? 0 : (category.hashCode() & Integer.MAX_VALUE) % partitions;
  }
}
