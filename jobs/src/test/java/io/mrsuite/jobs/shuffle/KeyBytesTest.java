package io.mrsuite.jobs.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.productdaily.ProductViewerKey;
import io.mrsuite.jobs.sessionize.SessionKey;
import io.mrsuite.jobs.topproducts.RankedProductKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The in-place comparison of serialized keys sorts and groups exactly as Avro's schema-driven one. */
class KeyBytesTest {
  private static final String[] TEXT = {"", "a", "ab", "b", "é", "z", "€", "😀", "\uFFFD", "order-1", "order-10",
      "order-2"};

  /** Every key a job shuffles on, and one with every kind, order and union shape KeyBytes handles. */
  static List<Schema> keySchemas() {
    Schema everyShape = SchemaBuilder.record("EveryShape").fields()
        .name("group").type().unionOf().nullType().and().stringType().endUnion().noDefault()
        .name("skipped").orderIgnore().type().unionOf().stringType().and().nullType().and().longType().endUnion()
        .noDefault()
        .name("down").orderDescending().type().intType().noDefault()
        .name("mixed").type().unionOf().longType().and().stringType().and().intType().and().nullType().endUnion()
        .noDefault()
        .name("last").orderDescending().type().stringType().noDefault()
        .endRecord();
    return List.of(JoinKey.getClassSchema(), SessionKey.getClassSchema(), ProductViewerKey.getClassSchema(),
        RankedProductKey.getClassSchema(), CountryKey.getClassSchema(), everyShape);
  }

  @ParameterizedTest
  @MethodSource("keySchemas")
  void sortsAndGroupsAsAvroOnRandomKeys(Schema keySchema) throws Exception {
    Job job = Job.getInstance(new Configuration(false));
    SecondarySort.configure(job, keySchema, Schema.create(Schema.Type.STRING), keySchema.getFields().get(0).name());
    KeySortComparator<Object> sort = new KeySortComparator<>();
    sort.setConf(job.getConfiguration());
    FieldGroupingComparator<Object> grouping = new FieldGroupingComparator<>();
    grouping.setConf(job.getConfiguration());
    Schema groupingSchema = onlyFirstFieldOrdered(keySchema);
    Random random = new Random(20261204);
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      keys.add(serialize(keySchema, randomKey(keySchema, random)));
    }
    int equalGroups = 0;
    for (byte[] a : keys) {
      for (byte[] b : keys) {
        // Each key sits at an offset in a larger buffer, as in the sort's buffer.
        byte[] left = padded(a, 3);
        byte[] right = padded(b, 7);
        assertEquals(Integer.signum(BinaryData.compare(a, 0, a.length, b, 0, b.length, keySchema)),
            Integer.signum(sort.compare(left, 3, a.length, right, 7, b.length)));
        int grouped = BinaryData.compare(a, 0, a.length, b, 0, b.length, groupingSchema);
        assertEquals(Integer.signum(grouped), Integer.signum(grouping.compare(left, 3, a.length, right, 7, b.length)));
        equalGroups += grouped == 0 && a != b ? 1 : 0;
      }
    }
    assertTrue(equalGroups > 0, "some keys share a group, so grouping is tested on equal fields too");
  }

  @Test
  void aKeyItCannotReadIsLeftToAvro() throws Exception {
    Schema withDouble = SchemaBuilder.record("Scored").fields().requiredString("id").requiredDouble("score")
        .endRecord();
    assertTrue(KeyBytes.of(withDouble).isEmpty());
    Job job = Job.getInstance(new Configuration(false));
    SecondarySort.configure(job, withDouble, Schema.create(Schema.Type.STRING), "id");
    KeySortComparator<Object> sort = new KeySortComparator<>();
    sort.setConf(job.getConfiguration());
    byte[] low = serialize(withDouble, record(withDouble, "a", -0.5));
    byte[] high = serialize(withDouble, record(withDouble, "a", 2.25));
    assertEquals(-1, Integer.signum(sort.compare(low, 0, low.length, high, 0, high.length)));
    assertEquals(1, Integer.signum(sort.compare(high, 0, high.length, low, 0, low.length)));
  }

  private static GenericRecord record(Schema schema, Object... values) {
    GenericRecord record = new GenericData.Record(schema);
    for (int i = 0; i < values.length; i++) {
      record.put(i, values[i]);
    }
    return record;
  }

  private static Schema onlyFirstFieldOrdered(Schema keySchema) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : keySchema.getFields()) {
      fields.add(new Schema.Field(field.name(), field.schema(), null, null,
          fields.isEmpty() ? field.order() : Schema.Field.Order.IGNORE));
    }
    return Schema.createRecord(keySchema.getName(), null, keySchema.getNamespace(), false, fields);
  }

  private static GenericRecord randomKey(Schema keySchema, Random random) {
    GenericRecord key = new GenericData.Record(keySchema);
    for (Schema.Field field : keySchema.getFields()) {
      Schema schema = field.schema();
      if (schema.getType() == Schema.Type.UNION) {
        schema = schema.getTypes().get(random.nextInt(schema.getTypes().size()));
      }
      key.put(field.pos(), randomValue(schema.getType(), random));
    }
    return key;
  }

  private static Object randomValue(Schema.Type type, Random random) {
    return switch (type) {
      case STRING -> TEXT[random.nextInt(TEXT.length)];
      case INT -> edgeInt(random);
      case LONG -> edgeLong(random);
      case NULL -> null;
      default -> throw new IllegalArgumentException("no random " + type);
    };
  }

  private static int edgeInt(Random random) {
    int[] edges = {0, 1, -1, 63, 64, -64, -65, 8191, 8192, Integer.MAX_VALUE, Integer.MIN_VALUE};
    return random.nextInt(4) > 0 ? edges[random.nextInt(edges.length)] : random.nextInt();
  }

  private static long edgeLong(Random random) {
    long[] edges = {0, 1, -1, 1L << 35, -(1L << 35), Long.MAX_VALUE, Long.MIN_VALUE};
    return random.nextInt(4) > 0 ? edges[random.nextInt(edges.length)] : random.nextLong();
  }

  private static byte[] serialize(Schema schema, GenericRecord key) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(schema).write(key, encoder);
    return bytes.toByteArray();
  }

  private static byte[] padded(byte[] bytes, int offset) {
    byte[] copy = new byte[offset + bytes.length + 5];
    System.arraycopy(bytes, 0, copy, offset, bytes.length);
    return copy;
  }
}
