package io.mrsuite.jobs.run;

import io.mrsuite.formats.quarantine.QuarantineReason;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.Path;

/**
 * A curated run's summary as the flat properties an Oozie workflow reads back as action data.
 *
 * <p>A workflow reads them with {@code wf:actionData('<action>')['<key>']}. They are the same books as the
 * run manifest. Oozie refuses action data over {@code oozie.action.max.output.data} (2,048 characters by
 * default), so only the counts and the partitions written go here; the manifest holds the rest.
 */
public final class ActionData {
  public static final String JOB = "job";
  public static final String DATE = "date";
  public static final String READ = "read";
  public static final String WRITTEN = "written";
  public static final String QUARANTINED = "quarantined";
  public static final String SKIPPED = "skipped";
  public static final String DUPLICATES_REMOVED = "duplicates_removed";
  /** Followed by a quarantine reason, e.g. {@code quarantined.MALFORMED_JSON}; only reasons that occurred. */
  public static final String QUARANTINED_REASON_PREFIX = "quarantined.";
  public static final String CURATED = "curated";
  public static final String QUARANTINE = "quarantine";
  /** A mart run's rows and partition (a mart has no quarantine). */
  public static final String ROWS = "rows";
  public static final String MART = "mart";

  private ActionData() {
  }

  /** A mart run: its books (read, aggregated into rows as written, skipped), rows and partition. */
  public static Properties ofMart(String job, LocalDate date, RecordBooks books, long rows, Path mart) {
    Properties data = new Properties();
    data.setProperty(JOB, job);
    data.setProperty(DATE, date.toString());
    data.setProperty(READ, String.valueOf(books.read()));
    data.setProperty(WRITTEN, String.valueOf(books.written()));
    data.setProperty(SKIPPED, String.valueOf(books.skipped()));
    data.setProperty(DUPLICATES_REMOVED, String.valueOf(books.duplicatesRemoved()));
    data.setProperty(ROWS, String.valueOf(rows));
    data.setProperty(MART, mart.toString());
    return data;
  }

  /** A curated run: its books, by quarantine reason, and the partitions it wrote. */
  public static Properties of(String job, LocalDate date, RecordBooks books, Path curated, Optional<Path> quarantine) {
    Properties data = new Properties();
    data.setProperty(JOB, job);
    data.setProperty(DATE, date.toString());
    data.setProperty(READ, String.valueOf(books.read()));
    data.setProperty(WRITTEN, String.valueOf(books.written()));
    data.setProperty(QUARANTINED, String.valueOf(books.quarantined()));
    data.setProperty(SKIPPED, String.valueOf(books.skipped()));
    data.setProperty(DUPLICATES_REMOVED, String.valueOf(books.duplicatesRemoved()));
    for (Map.Entry<QuarantineReason, Long> reason : books.byReason().entrySet()) {
      data.setProperty(QUARANTINED_REASON_PREFIX + reason.getKey().name(), String.valueOf(reason.getValue()));
    }
    data.setProperty(CURATED, curated.toString());
    quarantine.ifPresent(path -> data.setProperty(QUARANTINE, path.toString()));
    return data;
  }
}
