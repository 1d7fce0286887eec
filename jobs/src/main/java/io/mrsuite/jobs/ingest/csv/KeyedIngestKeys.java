package io.mrsuite.jobs.ingest.csv;

import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;

/** Configuration keys of the keyed CSV ingest jobs, set by their drivers. Only these methods touch the key strings. */
public final class KeyedIngestKeys {
  /** The export date D being ingested (the raw partition's dt), as YYYY-MM-DD. */
  public static final String EXPORT_DATE = "mrsuite.keyed-ingest.export-date";

  private KeyedIngestKeys() {
  }

  public static void setExportDate(Configuration conf, LocalDate date) {
    conf.set(EXPORT_DATE, date.toString());
  }

  public static LocalDate exportDate(Configuration conf) {
    String value = conf.get(EXPORT_DATE);
    if (value == null) {
      throw new IllegalStateException(EXPORT_DATE + " is not set");
    }
    return LocalDate.parse(value);
  }
}
