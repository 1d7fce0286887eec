package io.mrsuite.jobs.measures;

import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;

/**
 * Passes the event date X that a job of the marts chain builds from its driver to its tasks.
 *
 * <p>dedup-events keeps the events of X, and the marts' rows carry it as event_date. Only these methods touch
 * the key string.
 */
public final class EventDateKey {
  /** The event date X, as YYYY-MM-DD. */
  public static final String EVENT_DATE = "mrsuite.event-date";

  private EventDateKey() {
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
