package io.mrsuite.jobs.common.keyed;

import io.mrsuite.formats.avro.JoinKey;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.mapreduce.Partitioner;

/** Sends every record of one business key to one reducer, whatever its kind, sequence and source. */
public final class JoinKeyPartitioner<V> extends Partitioner<AvroKey<JoinKey>, V> {
  @Override
  public int getPartition(AvroKey<JoinKey> key, V value, int partitions) {
    // Masking the sign bit, not Math.abs: abs(Integer.MIN_VALUE) is negative.
    return (key.datum().getKey().hashCode() & Integer.MAX_VALUE) % partitions;
  }
}
