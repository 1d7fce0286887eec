package io.mrsuite.jobs.shuffle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.jobs.ingest.csv.SourcedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.avro.hadoop.io.AvroKeyComparator;
import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.serializer.SerializationFactory;
import org.apache.hadoop.io.serializer.Serializer;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The grouping comparator of a secondary sort on JoinKey's key, on the bytes the map side really writes (AvroSerialization of AvroKey&lt;JoinKey&gt;),
 * and the sort comparator the job gets from AvroJob, which must deliver (key, kind, sequence, file, offset)
 * order to the reducers.
 */
class FieldGroupingComparatorTest {
  /** Keys whose UTF-8 byte order differs from String.compareTo's UTF-16 order are included (U+FF21 vs U+1F600). */
  private static final List<String> KEYS = List.of("", "a", "ab", "b", "B", "o-1", "o-10", "o-2", "\u007f", "\u0080",
      "\u00e9", "\u00e9a", "z", "\u65e5\u672c", "\uff21", "\ud83d\ude00", "\ud83d\ude00x", "p-\u00e9", "p-e");

  private Configuration conf;
  private RawComparator<Object> grouping;

  @BeforeEach
  void configure() throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    SecondarySort.configure(job, JoinKey.getClassSchema(), SourcedRecord.getClassSchema(), "key");
    conf = job.getConfiguration();
    grouping = new JobConf(conf).getOutputValueGroupingComparator();
  }

  @Test
  void theBytesAreThoseOfAvroBinaryEncodingOfTheDatum() throws IOException {
    JoinKey key = new JoinKey("o-\u00e9", 1, 7, "file:/x.csv", 1L << 40);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<JoinKey>(JoinKey.getClassSchema()).write(key, encoder);
    encoder.flush();
    assertArrayEquals(out.toByteArray(), bytes(key));
  }

  /** SecondarySort sets it after AvroJob.setMapOutputKeySchema, which sets Avro's comparator for both. */
  @Test
  void theGroupingComparatorSetAfterAvrosKeySchemaIsTheOneTheTaskGets() {
    JobConf job = new JobConf(conf);
    assertInstanceOf(FieldGroupingComparator.class, job.getOutputValueGroupingComparator());
    assertInstanceOf(AvroKeyComparator.class, job.getOutputKeyComparator());
  }

  @Test
  void keysWithTheSameKeyGroupTogetherWhateverTheOtherFields() throws IOException {
    for (String key : KEYS) {
      List<JoinKey> variants = List.of(
          new JoinKey(key, 0, 0, "a.csv", 0L),
          new JoinKey(key, 1, 7, "a.csv", 0L),
          new JoinKey(key, 0, 0, "z/other-file.csv", 0L),
          new JoinKey(key, 0, 0, "a.csv", Long.MAX_VALUE),
          new JoinKey(key, -5, Integer.MIN_VALUE, "", -1L),
          new JoinKey(key, Integer.MAX_VALUE, Integer.MAX_VALUE, "\u00e9\u00e9\u00e9".repeat(50), Long.MIN_VALUE));
      for (JoinKey a : variants) {
        for (JoinKey b : variants) {
          assertEquals(0, raw(a, b), () -> a + " vs " + b);
          assertEquals(0, grouping.compare(new AvroKey<>(a), new AvroKey<>(b)), () -> a + " vs " + b);
        }
      }
    }
  }

  /**
   * Different keys compare as Avro compares their UTF-8 bytes, whatever the other fields, and in the same
   * direction as the job's sort comparator does on keys that differ only there: so the sort brings each key's
   * records together and the grouping comparator cuts the groups exactly there.
   */
  @Test
  void differentKeysCompareLikeTheSortComparesThemWhateverTheOtherFields() throws IOException {
    RawComparator<Object> sort = new JobConf(conf).getOutputKeyComparator();
    for (String a : KEYS) {
      for (String b : KEYS) {
        byte[] ua = utf8(a);
        byte[] ub = utf8(b);
        int expected = Integer.signum(BinaryData.compareBytes(ua, 0, ua.length, ub, 0, ub.length));
        // The other fields pull the other way: they must not matter.
        JoinKey ka = new JoinKey(a, 9, 9, "z.csv", 999L);
        JoinKey kb = new JoinKey(b, 0, 0, "a.csv", 0L);
        assertEquals(expected, Integer.signum(raw(ka, kb)), () -> show(a) + " vs " + show(b));
        byte[] sa = bytes(new JoinKey(a, 0, 0, "a.csv", 0L));
        byte[] sb = bytes(new JoinKey(b, 0, 0, "a.csv", 0L));
        assertEquals(expected, Integer.signum(sort.compare(sa, 0, sa.length, sb, 0, sb.length)),
            () -> "sort: " + show(a) + " vs " + show(b));
      }
    }
  }

  /**
   * Avro 1.12's BinaryData.compareBytes is Arrays.compare, a SIGNED byte comparison (AVRO-4045; 1.11 compared
   * unsigned): UTF-8 bytes from 0x80 up sort before ASCII, so "é" &lt; "a", unlike String.compareTo and unlike
   * unsigned UTF-8 order. Grouping does not care which total order it is; "first file" of FirstWinsReducer and
   * the order of keys in the output do. This pins the order the job really has.
   */
  @Test
  void avroComparesStringBytesSigned() throws IOException {
    JoinKey accented = new JoinKey("\u00e9", 0, 0, "a.csv", 0L);
    JoinKey ascii = new JoinKey("a", 0, 0, "a.csv", 0L);
    RawComparator<Object> sort = new JobConf(conf).getOutputKeyComparator();
    byte[] e = bytes(accented);
    byte[] a = bytes(ascii);
    assertTrue(sort.compare(e, 0, e.length, a, 0, a.length) < 0, "Avro sorts \"\u00e9\" before \"a\"");
    assertTrue(raw(accented, ascii) < 0);
    assertTrue("\u00e9".compareTo("a") > 0 && Arrays.compareUnsigned(utf8("\u00e9"), utf8("a")) > 0);
  }

  /**
   * A RawComparator's two methods must agree (MRUnit's shuffle and any caller of the object form use
   * compare(AvroKey, AvroKey); the reduce task uses the bytes). Agreement on grouping (zero or not) is what
   * the job needs; agreement on order is the comparator's contract, and Avro's own comparator orders strings
   * by UTF-8 bytes in both forms.
   */
  @Test
  void theObjectCompareAgreesWithTheRawCompare() throws IOException {
    List<String> disagreements = new ArrayList<>();
    for (String a : KEYS) {
      for (String b : KEYS) {
        JoinKey ka = new JoinKey(a, 0, 0, "a.csv", 0L);
        JoinKey kb = new JoinKey(b, 1, 1, "b.csv", 1L);
        int raw = Integer.signum(raw(ka, kb));
        int object = Integer.signum(grouping.compare(new AvroKey<>(ka), new AvroKey<>(kb)));
        if (raw != object) {
          disagreements.add(show(a) + " vs " + show(b) + ": raw " + raw + ", object " + object);
        }
      }
    }
    assertEquals(List.of(), disagreements.subList(0, Math.min(6, disagreements.size())),
        disagreements.size() + " of " + KEYS.size() * KEYS.size() + " pairs disagree; the first ones");
  }

  @Test
  void theSortDeliversKeyKindSequenceFileOffsetOrderAndGroupsAreContiguous() throws IOException {
    List<JoinKey> expected = List.of(
        // Avro 1.12 compares string bytes signed: non-ASCII keys before ASCII ones (avroComparesStringBytesSigned).
        new JoinKey("o-\u00e9", 0, 0, "a.csv", 0L),
        new JoinKey("o-\uff21", 0, 0, "a.csv", 0L),
        new JoinKey("o-\ud83d\ude00", 0, 0, "a.csv", 0L),
        new JoinKey("o-1", 0, 0, "f-10.csv", 0L),      // file names compare as bytes: "f-10" < "f-2"
        new JoinKey("o-1", 0, 0, "f-2.csv", 5L),
        new JoinKey("o-1", 0, 0, "f-2.csv", 100L),     // offsets compare as numbers, not bytes
        new JoinKey("o-1", 0, 0, "f-2.csv", 1L << 40),
        new JoinKey("o-1", 0, 0, "g.csv", 0L),
        new JoinKey("o-1", 1, 1, "z.csv", 0L),          // every order before every line
        new JoinKey("o-1", 1, 2, "a.csv", 900L),
        new JoinKey("o-1", 1, 2, "a.csv", 901L),
        new JoinKey("o-1", 1, 2, "b.csv", 0L),
        new JoinKey("o-1", 1, 10, "a.csv", 0L),         // line_no as a number: 2 < 10 < 300
        new JoinKey("o-1", 1, 300, "a.csv", 0L),
        new JoinKey("o-10", 0, 0, "a.csv", 0L),
        new JoinKey("o-2", 1, 1, "a.csv", 0L));
    RawComparator<Object> sort = new JobConf(conf).getOutputKeyComparator();
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      List<byte[]> shuffled = new ArrayList<>();
      for (JoinKey key : expected) {
        shuffled.add(bytes(key));
      }
      Collections.shuffle(shuffled, random);
      shuffled.sort((a, b) -> sort.compare(a, 0, a.length, b, 0, b.length));
      List<byte[]> want = new ArrayList<>();
      for (JoinKey key : expected) {
        want.add(bytes(key));
      }
      for (int i = 0; i < want.size(); i++) {
        assertArrayEquals(want.get(i), shuffled.get(i), "position " + i + ": " + expected.get(i));
      }
    }
    for (int i = 0; i < expected.size(); i++) {
      for (int j = i + 1; j < expected.size(); j++) {
        int group = raw(expected.get(i), expected.get(j));
        boolean sameKey = expected.get(i).getKey().equals(expected.get(j).getKey());
        assertTrue(sameKey ? group == 0 : group < 0, expected.get(i) + " then " + expected.get(j));
      }
    }
  }

  /** Compares at non-zero offsets inside larger buffers, as the reduce task's merge buffers are. */
  private int raw(JoinKey a, JoinKey b) throws IOException {
    byte[] ba = bytes(a);
    byte[] bb = bytes(b);
    byte[] bufA = new byte[ba.length + 7];
    byte[] bufB = new byte[bb.length + 3];
    Arrays.fill(bufA, (byte) 0x7f);
    Arrays.fill(bufB, (byte) 0x01);
    System.arraycopy(ba, 0, bufA, 5, ba.length);
    System.arraycopy(bb, 0, bufB, 1, bb.length);
    int atZero = grouping.compare(ba, 0, ba.length, bb, 0, bb.length);
    int inside = grouping.compare(bufA, 5, ba.length, bufB, 1, bb.length);
    assertEquals(Integer.signum(atZero), Integer.signum(inside), () -> a + " vs " + b + " at an offset");
    return atZero;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private byte[] bytes(JoinKey key) throws IOException {
    Serializer<AvroKey<JoinKey>> serializer = new SerializationFactory(conf).getSerializer((Class) AvroKey.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer.open(out);
    serializer.serialize(new AvroKey<>(key));
    serializer.close();
    return out.toByteArray();
  }

  /** The key quoted, with code points outside printable ASCII written as \\u{hex}. */
  private static String show(String key) {
    StringBuilder shown = new StringBuilder("\"");
    key.codePoints().forEach(c -> shown.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
        : "\\u{" + Integer.toHexString(c) + "}"));
    return shown.append('"').toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
