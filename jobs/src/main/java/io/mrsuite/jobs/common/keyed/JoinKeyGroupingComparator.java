package io.mrsuite.jobs.common.keyed;

import io.mrsuite.formats.avro.JoinKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryData;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.io.RawComparator;

/**
 * Groups serialized {@link JoinKey}s by their {@code key} field alone, so one reduce call sees every record
 * of a business key while the sort (Avro's comparator over all fields) orders them within it. It compares
 * the serialized bytes with Avro's own {@link BinaryData#compare} against the JoinKey schema with every
 * field but {@code key} marked {@code "order": "ignore"}, so it agrees with the sort on {@code key}.
 *
 * <p>Set it after {@code AvroJob.setMapOutputKeySchema}, which installs Avro's comparator for grouping too.
 */
public final class JoinKeyGroupingComparator implements RawComparator<AvroKey<JoinKey>> {
  private static final Schema KEY_ONLY = keyOnly(JoinKey.getClassSchema());

  private static Schema keyOnly(Schema full) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : full.getFields()) {
      fields.add(new Schema.Field(field.name(), field.schema(), field.doc(), field.defaultVal(),
          field.name().equals("key") ? Schema.Field.Order.ASCENDING : Schema.Field.Order.IGNORE));
    }
    return Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), false, fields);
  }

  @Override
  public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    return BinaryData.compare(b1, s1, l1, b2, s2, l2, KEY_ONLY);
  }

  @Override
  public int compare(AvroKey<JoinKey> a, AvroKey<JoinKey> b) {
    // Utf8 compares encoded bytes as Avro's binary compare does (String.compareTo compares UTF-16 units).
    return new Utf8(a.datum().getKey()).compareTo(new Utf8(b.datum().getKey()));
  }
}
