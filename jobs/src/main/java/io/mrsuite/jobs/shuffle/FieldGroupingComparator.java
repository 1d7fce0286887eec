package io.mrsuite.jobs.shuffle;

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
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.RawComparator;

/**
 * Groups Avro map output keys by the {@link SecondarySort} group field.
 *
 * <p>One reduce call then sees every record of a group, while the sort ({@link KeySortComparator}) orders them
 * within it. It compares serialized keys as Avro's own {@link BinaryData#compare} does against the key schema
 * with every other field marked {@code "order": "ignore"}, so it agrees with the sort on that field, nulls and
 * descending orders included: in place ({@link KeyBytes}) when the key schema allows, else through Avro. Keys
 * given as objects are serialized first: Avro's object compare orders strings differently from its binary
 * compare (AVRO-4045), and the two forms must agree.
 */
public final class FieldGroupingComparator<T> implements RawComparator<AvroKey<T>>, Configurable {
  private Configuration conf;
  private Schema keySchema;
  private Schema groupingSchema;
  private KeyBytes keyBytes;

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
    String field = SecondarySort.groupField(conf).name();
    keySchema = AvroJob.getMapOutputKeySchema(conf);
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field each : keySchema.getFields()) {
      fields.add(new Schema.Field(each.name(), each.schema(), each.doc(), each.defaultVal(),
          each.name().equals(field) ? each.order() : Schema.Field.Order.IGNORE));
    }
    groupingSchema = Schema.createRecord(keySchema.getName(), keySchema.getDoc(), keySchema.getNamespace(), false,
        fields);
    keyBytes = KeyBytes.of(keySchema).orElse(null);
  }

  @Override
  public Configuration getConf() {
    return conf;
  }

  @Override
  public int compare(byte[] b1, int s1, int l1, byte[] b2, int s2, int l2) {
    return keyBytes != null ? keyBytes.compareFirstField(b1, s1, b2, s2)
        : BinaryData.compare(b1, s1, l1, b2, s2, l2, groupingSchema);
  }

  @Override
  public int compare(AvroKey<T> a, AvroKey<T> b) {
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
