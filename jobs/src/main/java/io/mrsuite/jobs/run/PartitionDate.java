package io.mrsuite.jobs.run;

import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;

/**
 * Tells a job's tasks the date of the partition the job writes.
 *
 * <p>That is the arrival date of ingest-events, the export date of the CSV ingests and the event date X of
 * dedup-events, the rest of the curation chain and the marts. {@link io.mrsuite.jobs.tool.DatasetJob} sets it
 * before a job is configured. Only these methods touch the key string.
 */
public final class PartitionDate {
  /** The {@code dt} of the output partition, as YYYY-MM-DD. */
  public static final String KEY = "mrsuite.partition-date";

  private PartitionDate() {
  }

  public static void set(Configuration conf, LocalDate date) {
    conf.set(KEY, date.toString());
  }

  public static LocalDate of(Configuration conf) {
    String value = conf.get(KEY);
    if (value == null) {
      throw new IllegalStateException(KEY + " is not set");
    }
    return LocalDate.parse(value);
  }
}
