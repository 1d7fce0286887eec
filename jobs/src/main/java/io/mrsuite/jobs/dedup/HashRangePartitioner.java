package io.mrsuite.jobs.dedup;

import io.mrsuite.jobs.shuffle.JoinKey;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Splits the 32-bit hash space of {@link EventIdOrder} keys into equal contiguous ranges, one per reducer.
 *
 * <p>Reducer i gets lower hashes than reducer i + 1, so the output is totally ordered across part files.
 * Every record of one event id has the same key, so it reaches one reducer.
 */
public final class HashRangePartitioner<V> extends Partitioner<AvroKey<JoinKey>, V> {
  private static final int HASH_BITS = 32;

  @Override
  public int getPartition(AvroKey<JoinKey> key, V value, int partitions) {
    return (int) ((EventIdOrder.hash(key.datum().getKey()) * partitions) >>> HASH_BITS);
  }
}
