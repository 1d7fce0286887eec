package io.mrsuite.jobs.dedup;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Writes the first copy of each event id and counts the others as duplicates removed.
 *
 * <p>First means by (arrival date, source file, byte offset), as the secondary sort delivers them. The kept
 * copy is written before the iterator moves on, so the reuse of value objects cannot touch it.
 */
public class DedupEventsReducer extends Reducer<AvroKey<JoinKey>, AvroValue<Event>, AvroKey<Event>, NullWritable> {
  private final AvroKey<Event> out = new AvroKey<>();

  @Override
  protected void reduce(AvroKey<JoinKey> key, Iterable<AvroValue<Event>> values, Context context)
      throws IOException, InterruptedException {
    boolean first = true;
    for (AvroValue<Event> value : values) {
      if (first) {
        out.datum(value.datum());
        context.write(out, NullWritable.get());
        context.getCounter(RecordCounters.WRITTEN).increment(1);
        first = false;
      } else {
        context.getCounter(RecordCounters.DUPLICATES_REMOVED).increment(1);
      }
    }
  }
}
