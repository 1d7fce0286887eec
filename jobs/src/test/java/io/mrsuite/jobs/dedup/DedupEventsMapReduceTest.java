package io.mrsuite.jobs.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

class DedupEventsMapReduceTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  /**
   * A task configuration whose Avro serialization copies keys of {@code key} and values of {@code value}:
   * MRUnit copies inputs with the driver's configuration and outputs with the output one, and Avro's
   * serialization knows one key schema per configuration.
   */
  private static Configuration copying(Schema key, Schema value) throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroJob.setMapOutputKeySchema(job, key);
    if (value != null) {
      AvroJob.setMapOutputValueSchema(job, value);
    }
    PartitionDate.set(job.getConfiguration(), DAY);
    return job.getConfiguration();
  }

  @Test
  void mapperKeysEventsOfTheDayAndSkipsOthers() throws IOException {
    Event ofTheDay = event("e-1", "2026-11-20T23:59:59.999Z", DAY.plusDays(1), "/raw/b.jsonl", 40);
    Event dayBefore = event("e-2", "2026-11-19T23:59:59.999Z", DAY, "/raw/a.jsonl", 0);
    Event dayAfter = event("e-3", "2026-11-21T00:00:00Z", DAY, "/raw/a.jsonl", 80);
    MapDriver<AvroKey<Event>, NullWritable, AvroKey<JoinKey>, AvroValue<Event>> driver =
        MapDriver.newMapDriver(new DedupEventsMapper()).withConfiguration(copying(Event.getClassSchema(), null))
            .withOutputSerializationConfiguration(copying(JoinKey.getClassSchema(), Event.getClassSchema()));
    for (Event event : List.of(ofTheDay, dayBefore, dayAfter)) {
      driver.withInput(new AvroKey<>(event), NullWritable.get());
    }

    List<Pair<AvroKey<JoinKey>, AvroValue<Event>>> output = driver.run();

    assertEquals(1, output.size());
    JoinKey key = output.get(0).getFirst().datum();
    assertEquals(new JoinKey(EventIdOrder.key("e-1"), 0, (int) DAY.plusDays(1).toEpochDay(), "/raw/b.jsonl", 40L), key);
    assertEquals(String.format("%08X", EventIdOrder.mix("e-1".hashCode())) + "e-1", key.getKey());
    assertEquals(ofTheDay, output.get(0).getSecond().datum());
    assertEquals(3, driver.getCounters().findCounter(RecordCounters.READ).getValue());
    assertEquals(2, driver.getCounters().findCounter(RecordCounters.SKIPPED).getValue());
  }

  @Test
  void reducerWritesTheFirstCopyAndCountsTheRest() throws IOException {
    Event first = event("e-1", "2026-11-20T10:00:00Z", DAY, "/raw/a.jsonl", 0);
    Event retry = event("e-1", "2026-11-20T10:00:00Z", DAY, "/raw/b.jsonl", 0);
    Event late = event("e-1", "2026-11-20T10:00:00Z", DAY.plusDays(1), "/raw/a.jsonl", 0);
    ReduceDriver<AvroKey<JoinKey>, AvroValue<Event>, AvroKey<Event>, NullWritable> driver =
        ReduceDriver.newReduceDriver(new DedupEventsReducer())
            .withConfiguration(copying(JoinKey.getClassSchema(), Event.getClassSchema()))
            .withOutputSerializationConfiguration(copying(Event.getClassSchema(), null));
    driver.withInput(new AvroKey<>(new JoinKey(EventIdOrder.key("e-1"), 0, 0, "", 0L)),
        List.of(new AvroValue<>(first), new AvroValue<>(retry), new AvroValue<>(late)));

    List<Pair<AvroKey<Event>, NullWritable>> output = driver.run();

    assertEquals(List.of(first), output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(1, driver.getCounters().findCounter(RecordCounters.WRITTEN).getValue());
    assertEquals(2, driver.getCounters().findCounter(RecordCounters.DUPLICATES_REMOVED).getValue());
  }

  @Test
  void hashRangesKeepTheKeyOrderAcrossReducers() {
    HashRangePartitioner<Object> partitioner = new HashRangePartitioner<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      keys.add(EventIdOrder.key("event-" + i));
    }
    keys.sort(null);
    for (int reducers : new int[] {1, 2, 4, 7}) {
      int previous = 0;
      for (String key : keys) {
        int partition = partitioner.getPartition(new AvroKey<>(new JoinKey(key, 0, 0, "", 0L)), null, reducers);
        assertTrue(partition >= previous && partition < reducers, key + " -> " + partition);
        previous = partition;
      }
      assertEquals(reducers - 1, previous);
    }
  }

  private static Event event(String id, String time, LocalDate arrival, String file, long offset) {
    return Event.newBuilder().setEventId(id).setEventType(EventType.page_view).setEventTime(Instant.parse(time))
        .setAnonymousId("a").setUserId(null).setProductId(null).setQuantity(1).setPrice(null).setCurrency(null)
        .setOrderId(null).setCountry(null).setPageUrl(null).setReferrer(null).setUserAgent(null).setIp(null)
        .setSearchQuery(null).setAttributes(Map.of()).setArrivalDate(arrival).setSourceFile(file)
        .setSourceOffset(offset).setSourceLine(1).build();
  }
}
