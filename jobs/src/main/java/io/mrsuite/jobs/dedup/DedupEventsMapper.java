package io.mrsuite.jobs.dedup;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Keeps the curated events of the job's UTC event date and keys them by event id.
 *
 * <p>Events of other dates are counted as skipped, since they belong to another day's run. Within an event id
 * the key orders copies by (arrival date, source file, byte offset), the order in which the first copy wins.
 */
public class DedupEventsMapper extends Mapper<AvroKey<Event>, NullWritable, AvroKey<JoinKey>, AvroValue<Event>> {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final AvroKey<JoinKey> outKey = new AvroKey<>();
  private final AvroValue<Event> outValue = new AvroValue<>();
  private long eventDay;

  @Override
  protected void setup(Context context) {
    eventDay = PartitionDate.of(context.getConfiguration()).toEpochDay();
  }

  @Override
  protected void map(AvroKey<Event> key, NullWritable value, Context context) throws IOException, InterruptedException {
    context.getCounter(RecordCounters.READ).increment(1);
    Event event = key.datum();
    if (Math.floorDiv(event.getEventTime().toEpochMilli(), MILLIS_PER_DAY) != eventDay) {
      context.getCounter(RecordCounters.SKIPPED).increment(1);
      return;
    }
    outKey.datum(new JoinKey(EventIdOrder.key(event.getEventId()), 0, (int) event.getArrivalDate().toEpochDay(),
        event.getSourceFile(), event.getSourceOffset()));
    outValue.datum(event);
    context.write(outKey, outValue);
  }
}
