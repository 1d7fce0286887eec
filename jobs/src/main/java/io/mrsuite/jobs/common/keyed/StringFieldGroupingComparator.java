package io.mrsuite.jobs.common.keyed;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryData;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.io.RawComparator;

/**
 * Groups serialized Avro map output keys by one string field (the natural key of a secondary sort), so one
 * reduce call sees every record of it while the sort (Avro's comparator over all fields) orders them within
 * it. It compares the serialized bytes with Avro's own {@link BinaryData#compare} against the key schema with
 * every other field marked {@code "order": "ignore"}, so it agrees with the sort on that field.
 *
 * <p>Set it after {@code AvroJob.setMapOutputKeySchema}, which installs Avro's comparator for grouping too.
 */
public abstract class StringFieldGroupingComparator<T> implements RawComparator<AvroKey<T>> {
  private final Schema groupingSchema;

  protected StringFieldGroupingComparator(Schema keySchema, String field) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field each : keySchema.getFields()) {
      fields.add(new Schema.Field(each.name(), each.schema(), each.doc(), each.defaultVal(),
          each.name().equals(field) ? Schema.Field.Order.ASCENDING : Schema.Field.Order.IGNORE));
    }
    this.groupingSchema = Schema.createRecord(keySchema.getName(), keySchema.getDoc(), keySchema.getNamespace(),
        false, fields);
  }

  /** The grouping field of a deserialized key. */
  protected abstract String groupOf(T key);

  @Override
  public final int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    return BinaryData.compare(b1, s1, l1, b2, s2, l2, groupingSchema);
  }

  @Override
  public final int compare(AvroKey<T> a, AvroKey<T> b) {
    // Utf8 compares encoded bytes as Avro's binary compare does (String.compareTo compares UTF-16 units).
    return new Utf8(groupOf(a.datum())).compareTo(new Utf8(groupOf(b.datum())));
  }
}
