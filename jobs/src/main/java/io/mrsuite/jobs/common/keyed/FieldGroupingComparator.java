package io.mrsuite.jobs.common.keyed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.io.RawComparator;

/**
 * Groups Avro map output keys by one field (the natural key of a secondary sort), so one reduce call sees
 * every record of it while the sort (Avro's comparator over all fields) orders them within it. It compares
 * serialized keys with Avro's own {@link BinaryData#compare} against the key schema with every other field
 * marked {@code "order": "ignore"}, so it agrees with the sort on that field, nulls and descending orders
 * included. Keys given as objects are serialized first: Avro's object compare orders strings differently
 * from its binary compare (AVRO-4045), and the two forms must agree.
 *
 * <p>Set it after {@code AvroJob.setMapOutputKeySchema}, which installs Avro's comparator for grouping too.
 */
public abstract class FieldGroupingComparator<T> implements RawComparator<AvroKey<T>> {
  private final Schema keySchema;
  private final Schema groupingSchema;

  protected FieldGroupingComparator(Schema keySchema, String field) {
    this.keySchema = keySchema;
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field each : keySchema.getFields()) {
      fields.add(new Schema.Field(each.name(), each.schema(), each.doc(), each.defaultVal(),
          each.name().equals(field) ? each.order() : Schema.Field.Order.IGNORE));
    }
    this.groupingSchema = Schema.createRecord(keySchema.getName(), keySchema.getDoc(), keySchema.getNamespace(),
        false, fields);
  }

  @Override
  public final int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    return BinaryData.compare(b1, s1, l1, b2, s2, l2, groupingSchema);
  }

  @Override
  public final int compare(AvroKey<T> a, AvroKey<T> b) {
    byte[] first = serialize(a.datum());
    byte[] second = serialize(b.datum());
    return compare(first, 0, first.length, second, 0, second.length);
  }

  private byte[] serialize(T key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    try {
      new SpecificDatumWriter<T>(keySchema).write(key, encoder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + key, e);
    }
    return bytes.toByteArray();
  }
}
