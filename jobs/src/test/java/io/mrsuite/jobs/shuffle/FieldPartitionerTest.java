package io.mrsuite.jobs.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.ingest.csv.SourcedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ReflectionUtils;
import org.junit.jupiter.api.Test;

/** Every record of one business key (JoinKey's key) goes to one reducer, for any number of reducers, never a negative one. */
class FieldPartitionerTest {
  private static final String ALPHABET = "abcxyzAZ09-_.,\"\u00e9\u00df\u65e5\u672c\uff21\ud83d\ude00";

  private final FieldPartitioner<AvroValue<SourcedRecord>> partitioner = partitioner();

  @Test
  void allKindsSequencesAndSourcesOfAKeyShareItsPartition() {
    Random random = new Random(2026);
    Set<Integer> usedOfSeven = new HashSet<>();
    for (int k = 0; k < 2000; k++) {
      String key = randomKey(random);
      List<JoinKey> variants = List.of(
          new JoinKey(key, 0, 0, "orders-1.csv", 0L),
          new JoinKey(key, 1, random.nextInt(), "order_lines-" + random.nextInt(9) + ".csv", random.nextLong()),
          new JoinKey(key, random.nextInt(), random.nextInt(), "", Long.MIN_VALUE),
          new JoinKey(new String(key.toCharArray()), 0, 1, "x", Long.MAX_VALUE));
      for (int partitions = 1; partitions <= 50; partitions++) {
        int first = partition(variants.get(0), partitions);
        int n = partitions;
        assertTrue(first >= 0 && first < partitions, () -> "\"" + key + "\" of " + n + ": " + first);
        for (JoinKey variant : variants) {
          assertEquals(first, partition(variant, partitions), () -> variant + " of " + n);
        }
      }
      usedOfSeven.add(partition(variants.get(0), 7));
    }
    assertEquals(7, usedOfSeven.size(), "keys spread over every partition");
  }

  /** Math.abs(Integer.MIN_VALUE) is negative: the partitioner must not use it (STYLE.md section 4). */
  @Test
  void aKeyWhoseHashIsIntegerMinValueStillGetsAValidPartition() {
    String key = "polygenelubricants";
    assertEquals(Integer.MIN_VALUE, key.hashCode());
    assertTrue(Math.abs(key.hashCode()) % 3 < 0, "the pitfall this guards against");
    for (int partitions = 1; partitions <= 50; partitions++) {
      int partition = partition(new JoinKey(key, 1, 3, "f.csv", 9L), partitions);
      assertTrue(partition >= 0 && partition < partitions, partitions + ": " + partition);
      assertEquals(partition, partition(new JoinKey(key, 0, 0, "g.csv", 0L), partitions));
    }
    // An ordinary negative hash.
    String negative = "order-0000001";
    assertEquals(-350754126, negative.hashCode());
    for (int partitions = 1; partitions <= 50; partitions++) {
      int partition = partition(new JoinKey(negative, 0, 0, "f.csv", 0L), partitions);
      assertTrue(partition >= 0 && partition < partitions, partitions + ": " + partition);
    }
  }

  @SuppressWarnings("unchecked")
  private static FieldPartitioner<AvroValue<SourcedRecord>> partitioner() {
    try {
      Job job = Job.getInstance(new Configuration());
      SecondarySort.configure(job, JoinKey.getClassSchema(), SourcedRecord.getClassSchema(), "key");
      return ReflectionUtils.newInstance(FieldPartitioner.class, job.getConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int partition(JoinKey key, int partitions) {
    return partitioner.getPartition(new AvroKey<>(key), new AvroValue<>(), partitions);
  }

  private static String randomKey(Random random) {
    StringBuilder key = new StringBuilder();
    int length = random.nextInt(13);
    int[] codePoints = ALPHABET.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      key.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return key.toString();
  }
}
