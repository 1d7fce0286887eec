package io.mrsuite.jobs.shuffle;

import org.apache.avro.hadoop.io.AvroKeyComparator;

/** Sorts {@link JoinKey} map output keys in Avro's order, compared in place ({@link JoinKeyBytes}). */
public final class JoinKeyComparator extends AvroKeyComparator<JoinKey> {
  @Override
  public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    return JoinKeyBytes.compare(b1, s1, b2, s2);
  }
}
