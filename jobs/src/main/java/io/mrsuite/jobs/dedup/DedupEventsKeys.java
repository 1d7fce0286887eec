package io.mrsuite.jobs.dedup;

import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;

/** Configuration keys of dedup-events, set by the driver. Only these methods touch the key strings. */
public final class DedupEventsKeys {
  /** The event date X whose events are kept, as YYYY-MM-DD. */
  public static final String EVENT_DATE = "mrsuite.dedup-events.event-date";

  private DedupEventsKeys() {
  }

  public static void setEventDate(Configuration conf, LocalDate date) {
    conf.set(EVENT_DATE, date.toString());
  }

  public static LocalDate eventDate(Configuration conf) {
    String value = conf.get(EVENT_DATE);
    if (value == null) {
      throw new IllegalStateException(EVENT_DATE + " is not set");
    }
    return LocalDate.parse(value);
  }
}
