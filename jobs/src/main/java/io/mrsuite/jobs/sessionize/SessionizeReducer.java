package io.mrsuite.jobs.sessionize;

import io.mrsuite.formats.avro.Session;
import io.mrsuite.jobs.run.RecordCounters;
import java.io.IOException;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Cuts one visitor's events into sessions, starting a new one after a gap of over 30 minutes or at midnight UTC.
 *
 * <p>The events arrive in (event_time, event_id) order by the secondary sort. Each event's time is read from
 * its value (the key, which the framework updates as the values advance, holds it too). Only the open session
 * is held, so memory does not grow with the visitor's event count.
 */
public class SessionizeReducer
    extends Reducer<AvroKey<SessionKey>, AvroValue<SessionEvent>, AvroKey<Session>, NullWritable> {
  private final AvroKey<Session> out = new AvroKey<>();

  @Override
  protected void reduce(AvroKey<SessionKey> key, Iterable<AvroValue<SessionEvent>> values, Context context)
      throws IOException, InterruptedException {
    OpenSession open = null;
    for (AvroValue<SessionEvent> value : values) {
      long time = value.datum().getEventTime();
      if (open != null && !open.continuesAt(time)) {
        close(open, context);
        open = null;
      }
      if (open == null) {
        open = new OpenSession(key.datum().getVisitor(), time, value.datum().getDevice());
      }
      open.add(time, value.datum());
    }
    close(open, context);
  }

  private void close(OpenSession open, Context context) throws IOException, InterruptedException {
    Session session = open.toSession();
    out.datum(session);
    context.write(out, NullWritable.get());
    context.getCounter(SessionizeCounters.SESSIONS).increment(1);
    context.getCounter(RecordCounters.WRITTEN).increment(session.getEventCount());
    if (session.getConverted()) {
      context.getCounter(SessionizeCounters.CONVERTED_SESSIONS).increment(1);
    }
    context.getCounter(SessionizeCounters.UNCONVERTED_PURCHASES).increment(session.getUnconvertedPurchases());
  }
}
