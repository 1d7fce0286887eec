package io.mrsuite.jobs.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mrsuite.jobs.ingest.csv.SourcedRecord;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.hadoop.io.AvroKeyComparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ReflectionUtils;
import org.junit.jupiter.api.Test;

/** The wiring of a secondary sort, and the keys it refuses because their groups would not be contiguous. */
class SecondarySortTest {
  @Test
  void sortsOnTheWholeKeyAndPartitionsAndGroupsOnTheField() throws IOException, ClassNotFoundException {
    Job job = configured(JoinKey.getClassSchema(), "key");
    JobConf conf = new JobConf(job.getConfiguration());
    assertInstanceOf(AvroKeyComparator.class, conf.getOutputKeyComparator());
    assertInstanceOf(FieldGroupingComparator.class, conf.getOutputValueGroupingComparator());
    assertEquals(FieldPartitioner.class, job.getPartitionerClass());
    assertEquals("key", conf.get(SecondarySort.GROUP_FIELD));
  }

  @Test
  void aFieldOtherThanTheFirstIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> configured(JoinKey.getClassSchema(), "kind"));
    assertEquals("cannot group io.mrsuite.jobs.shuffle.JoinKey on 'kind': a group is contiguous in the sort only on"
        + " the key's first field, 'key'", e.getMessage());
  }

  @Test
  void anUnsortedFirstFieldIsRefused() {
    Schema key = SchemaBuilder.record("K").fields().name("a").orderIgnore().type().stringType().noDefault()
        .requiredLong("b").endRecord();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> configured(key, "a"));
    assertEquals("cannot group K on 'a': the field is not sorted (order ignore)", e.getMessage());
  }

  @Test
  void aKeyThatIsNoRecordIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> configured(Schema.create(Schema.Type.STRING), "key"));
  }

  @Test
  void aComparatorInAJobWithoutTheSortFailsAtOnce() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ReflectionUtils.newInstance(FieldGroupingComparator.class, new Configuration()));
    assertEquals("no secondary sort configured: call SecondarySort.configure", e.getMessage());
  }

  private static Job configured(Schema key, String field) throws IOException {
    Job job = Job.getInstance(new Configuration());
    SecondarySort.configure(job, key, SourcedRecord.getClassSchema(), field);
    return job;
  }
}
