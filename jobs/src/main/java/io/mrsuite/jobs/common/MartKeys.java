package io.mrsuite.jobs.common;

import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;

/** Configuration keys shared by the mart jobs, set by their drivers. Only these methods touch the key strings. */
public final class MartKeys {
  /** The event date X of the mart partition being built, as YYYY-MM-DD; rows carry it as event_date. */
  public static final String EVENT_DATE = "mrsuite.mart.event-date";

  private MartKeys() {
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
