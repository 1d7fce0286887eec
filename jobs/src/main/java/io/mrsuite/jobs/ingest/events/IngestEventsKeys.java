package io.mrsuite.jobs.ingest.events;

import io.mrsuite.jobs.warehouse.Dataset;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;

/**
 * Configuration keys of ingest-events, set by the driver from its options and read by the mapper. Only
 * these methods touch the key strings.
 */
public final class IngestEventsKeys {
  /** The arrival date D being ingested (the raw partition's dt), as YYYY-MM-DD. */
  public static final String ARRIVAL_DATE = "mrsuite.ingest-events.arrival-date";
  /** Events dated before D minus this many days are LATE. */
  public static final String LATE_DAYS = "mrsuite.ingest-events.late-days";

  private IngestEventsKeys() {
  }

  public static void setArrivalDate(Configuration conf, LocalDate date) {
    conf.set(ARRIVAL_DATE, date.toString());
  }

  public static LocalDate arrivalDate(Configuration conf) {
    String value = conf.get(ARRIVAL_DATE);
    if (value == null) {
      throw new IllegalStateException(ARRIVAL_DATE + " is not set");
    }
    return LocalDate.parse(value);
  }

  public static void setLateDays(Configuration conf, int days) {
    conf.setInt(LATE_DAYS, days);
  }

  public static int lateDays(Configuration conf) {
    return conf.getInt(LATE_DAYS, Dataset.DEFAULT_LATE_DAYS);
  }
}
