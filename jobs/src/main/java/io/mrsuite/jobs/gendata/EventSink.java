package io.mrsuite.jobs.gendata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;
import org.apache.hadoop.fs.Path;

/**
 * Delivers a shard's events to its hourly files the way a lander would receive them.
 *
 * <p>Events are filed under the hour they arrive, and an event of the day before arrives in hour 00. Now and
 * then one is sent twice, as a retry with the same bytes an hour later. In the slots {@link BadSlots} picks,
 * events are broken by the {@link EventCorruptor}. It stops taking events at exactly the shard's record
 * count.
 */
final class EventSink {
  /** Share of good lines that are sent a second time. */
  static final double RETRY_SHARE = 0.005;
  private static final int HOURS = 24;
  private static final long PROGRESS_EVERY = 10_000;

  private final ShardFiles files;
  private final Path partition;
  private final String fileName;
  private final long dayStart;
  private final long records;
  private final BadSlots<BadEvent> badSlots;
  private final EventEncoder encoder;
  private final EventCorruptor corruptor;
  private final SplittableRandom random;
  private final ShardReporter reporter;
  private final OutputStream[] hours = new OutputStream[HOURS];
  private long written;
  private long bad;

  /**
   * @param partition the raw events partition {@code dt=D}; files go to its {@code hr=HH} subdirectories
   * @param fileName this shard's file name in every hour
   */
  EventSink(ShardFiles files, Path partition, String fileName, long dayStart, long records,
      BadSlots<BadEvent> badSlots, EventEncoder encoder, EventCorruptor corruptor, SplittableRandom random,
      ShardReporter reporter) {
    this.files = files;
    this.partition = partition;
    this.fileName = fileName;
    this.dayStart = dayStart;
    this.records = records;
    this.badSlots = badSlots;
    this.encoder = encoder;
    this.corruptor = corruptor;
    this.random = random;
    this.reporter = reporter;
  }

  long written() {
    return written;
  }

  boolean full() {
    return written >= records;
  }

  /**
   * Writes the event, or in a bad slot a broken form of it, and maybe its retry.
   *
   * @return whether the shard has room for more events
   */
  boolean emit(EventRecord event) throws IOException {
    if (full()) {
      return false;
    }
    int hour = arrivalHour(event.timeMillis);
    if (write(event, hour, false) && !full() && random.nextDouble() < RETRY_SHARE) {
      write(event, Math.min(hour + 1, HOURS - 1), true);
    }
    return !full();
  }

  /** @return whether the line was written good */
  private boolean write(EventRecord event, int hour, boolean retry) throws IOException {
    written++;
    reporter.count(GenDataCounters.EVENT_RECORDS, 1);
    if (written % PROGRESS_EVERY == 0) {
      reporter.progress();
    }
    BadEvent kind = badSlots.next();
    if (kind != null) {
      write(hour, corruptor.corrupt(kind, event));
      reporter.count(GenDataCounters.BAD_EVENT_RECORDS, 1);
      reporter.count(kind, 1);
      // One empty line per round of bad kinds: empty lines are skipped by ingest, not records.
      if (++bad % BadEvent.ROTATION.size() == 0) {
        write(hour, null);
        reporter.count(GenDataCounters.EMPTY_LINES, 1);
      }
      return false;
    }
    // A retry follows its original at once, so the encoder still holds the original's bytes.
    write(hour, retry ? encoder.line() : encoder.encode(event));
    if (retry) {
      reporter.count(GenDataCounters.RETRIED_EVENTS, 1);
    }
    if (event.timeMillis < dayStart) {
      reporter.count(GenDataCounters.LATE_ARRIVALS, 1);
    }
    if (event.visitor.bot()) {
      reporter.count(GenDataCounters.BOT_EVENTS, 1);
    }
    return true;
  }

  private int arrivalHour(long timeMillis) {
    if (timeMillis < dayStart) {
      return 0;
    }
    return (int) Math.min(HOURS - 1, (timeMillis - dayStart) / TimeText.MILLIS_PER_HOUR);
  }

  /** Writes one line and its terminator; a null line is an empty line. */
  private void write(int hour, ByteLine line) throws IOException {
    OutputStream out = hours[hour];
    if (out == null) {
      String dir = hour < 10 ? "hr=0" + hour : "hr=" + hour;
      out = files.create(new Path(new Path(partition, dir), fileName));
      hours[hour] = out;
    }
    if (line != null) {
      line.writeTo(out);
    }
    out.write('\n');
  }
}
