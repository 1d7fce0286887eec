package io.mrsuite.jobs.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.junit.jupiter.api.Test;

/** The in-place comparison of serialized JoinKeys orders and groups exactly as Avro's schema-driven one. */
class JoinKeyBytesTest {
  private static final String[] TEXT = {"", "a", "ab", "b", "é", "z", "€", "😀", "order-1", "order-10", "order-2"};

  @Test
  void theFieldsAreTheOnesItReads() {
    List<String> fields = new ArrayList<>();
    for (Schema.Field field : JoinKey.getClassSchema().getFields()) {
      fields.add(field.name() + ":" + field.schema().getType() + ":" + field.order());
    }
    assertEquals(List.of("key:STRING:ASCENDING", "kind:INT:ASCENDING", "sequence:INT:ASCENDING",
        "source_file:STRING:ASCENDING", "source_offset:LONG:ASCENDING"), fields);
  }

  @Test
  void ordersAndGroupsAsAvroOnRandomKeys() throws Exception {
    Job job = Job.getInstance(new Configuration(false));
    JoinKeyShuffle.configure(job, Schema.create(Schema.Type.STRING));
    FieldGroupingComparator<JoinKey> avroGrouping = new FieldGroupingComparator<>();
    avroGrouping.setConf(job.getConfiguration());
    Random random = new Random(20261204);
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      keys.add(serialize(randomKey(random)));
    }
    JoinKeyComparator sort = new JoinKeyComparator();
    sort.setConf(job.getConfiguration());
    JoinKeyGroupingComparator grouping = new JoinKeyGroupingComparator();
    for (byte[] a : keys) {
      for (byte[] b : keys) {
        // Each key sits at an offset in a larger buffer, as in the sort's buffer.
        byte[] left = padded(a, 3);
        byte[] right = padded(b, 7);
        assertEquals(Integer.signum(BinaryData.compare(a, 0, a.length, b, 0, b.length, JoinKey.getClassSchema())),
            Integer.signum(sort.compare(left, 3, a.length, right, 7, b.length)));
        assertEquals(Integer.signum(avroGrouping.compare(a, 0, a.length, b, 0, b.length)),
            Integer.signum(grouping.compare(left, 3, a.length, right, 7, b.length)));
      }
    }
  }

  @Test
  void groupsKeyObjectsByTheirBytes() {
    JoinKeyGroupingComparator grouping = new JoinKeyGroupingComparator();
    // UTF-16 puts U+FFFD after U+1F600's surrogates, UTF-8 before: the serialized order is the one to keep.
    assertEquals(-1, Integer.signum(grouping.compare(new AvroKey<>(key("\uFFFD", 0, 0, "", 0)),
        new AvroKey<>(key("😀", 0, 0, "", 0)))));
  }

  private static JoinKey randomKey(Random random) {
    return key(TEXT[random.nextInt(TEXT.length)], edgeInt(random), edgeInt(random),
        TEXT[random.nextInt(TEXT.length)], edgeLong(random));
  }

  private static int edgeInt(Random random) {
    int[] edges = {0, 1, -1, 63, 64, -64, -65, 8191, 8192, Integer.MAX_VALUE, Integer.MIN_VALUE};
    return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt();
  }

  private static long edgeLong(Random random) {
    long[] edges = {0, 1, -1, 1L << 35, -(1L << 35), Long.MAX_VALUE, Long.MIN_VALUE};
    return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextLong();
  }

  private static JoinKey key(String key, int kind, int sequence, String sourceFile, long sourceOffset) {
    return JoinKey.newBuilder().setKey(key).setKind(kind).setSequence(sequence).setSourceFile(sourceFile)
        .setSourceOffset(sourceOffset).build();
  }

  private static byte[] serialize(JoinKey key) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    new SpecificDatumWriter<>(JoinKey.class).write(key, encoder);
    return bytes.toByteArray();
  }

  private static byte[] padded(byte[] bytes, int offset) {
    byte[] copy = new byte[offset + bytes.length + 5];
    System.arraycopy(bytes, 0, copy, offset, bytes.length);
    return copy;
  }
}
