package io.mrsuite.jobs.sessionize;

import io.mrsuite.formats.avro.SessionKey;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.mapreduce.Partitioner;

/** Sends every event of one visitor to one reducer, whatever its time and id. */
public final class VisitorPartitioner<V> extends Partitioner<AvroKey<SessionKey>, V> {
  @Override
  public int getPartition(AvroKey<SessionKey> key, V value, int partitions) {
    // Masking the sign bit, not Math.abs: abs(Integer.MIN_VALUE) is negative.
    return (key.datum().getVisitor().hashCode() & Integer.MAX_VALUE) % partitions;
  }
}
