package io.mrsuite.jobs.ingest.events;

import io.mrsuite.jobs.warehouse.Dataset;
import org.apache.hadoop.conf.Configuration;

/**
 * Configuration keys of ingest-events, set by the driver from its options and read by the mapper. Only
 * these methods touch the key strings.
 */
public final class IngestEventsKeys {
  /** Events dated before D minus this many days are LATE. */
  public static final String LATE_DAYS = "mrsuite.ingest-events.late-days";

  private IngestEventsKeys() {
  }

  public static void setLateDays(Configuration conf, int days) {
    conf.setInt(LATE_DAYS, days);
  }

  public static int lateDays(Configuration conf) {
    return conf.getInt(LATE_DAYS, Dataset.DEFAULT_LATE_DAYS);
  }
}
