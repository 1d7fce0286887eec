package io.mrsuite.jobs.shuffle;

import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Sends every key with one value of the {@link SecondarySort} group field to one reducer.
 *
 * <p>The key's other fields play no part. A null value goes to reducer 0.
 */
public final class FieldPartitioner<V> extends Partitioner<AvroKey<? extends IndexedRecord>, V> implements Configurable {
  private Configuration conf;
  private int position;

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
    this.position = SecondarySort.groupField(conf).pos();
  }

  @Override
  public Configuration getConf() {
    return conf;
  }

  @Override
  public int getPartition(AvroKey<? extends IndexedRecord> key, V value, int partitions) {
    Object field = key.datum().get(position);
    // Masking the sign bit, not Math.abs: abs(Integer.MIN_VALUE) is negative.
    return field == null ? 0 : (field.hashCode() & Integer.MAX_VALUE) % partitions;
  }
}
