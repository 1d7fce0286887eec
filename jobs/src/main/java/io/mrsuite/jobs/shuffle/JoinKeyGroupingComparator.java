package io.mrsuite.jobs.shuffle;

import org.apache.avro.mapred.AvroKey;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.io.RawComparator;

/**
 * Groups {@link JoinKey} map output keys by their key field, compared in place ({@link JoinKeyBytes}): the same
 * groups as {@link FieldGroupingComparator} on that field.
 */
public final class JoinKeyGroupingComparator implements RawComparator<AvroKey<JoinKey>> {
  @Override
  public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    return JoinKeyBytes.compareFirstField(b1, s1, b2, s2);
  }

  // By the key's UTF-8 bytes, as the serialized form is compared.
  @Override
  public int compare(AvroKey<JoinKey> a, AvroKey<JoinKey> b) {
    return new Utf8(a.datum().getKey()).compareTo(new Utf8(b.datum().getKey()));
  }
}
