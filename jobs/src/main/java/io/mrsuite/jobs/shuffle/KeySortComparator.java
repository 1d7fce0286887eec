package io.mrsuite.jobs.shuffle;

import org.apache.avro.hadoop.io.AvroKeyComparator;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;

/**
 * Sorts Avro map output keys in Avro's order, compared in place ({@link KeyBytes}) when the key schema allows,
 * else by Avro's own comparator.
 */
public final class KeySortComparator<T> extends AvroKeyComparator<T> {
  private KeyBytes keyBytes;

  @Override
  public void setConf(Configuration conf) {
    super.setConf(conf);
    if (conf != null) {
      keyBytes = KeyBytes.of(AvroJob.getMapOutputKeySchema(conf)).orElse(null);
    }
  }

  @Override
  public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    return keyBytes != null ? keyBytes.compare(b1, s1, b2, s2) : super.compare(b1, s1, l1, b2, s2, l2);
  }
}
