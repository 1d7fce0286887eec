package io.mrsuite.formats.partition;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Names of the warehouse's Hive-style partition directories and the strict rules for reading them.
 *
 * <p>A date partition is named {@code dt=YYYY-MM-DD} exactly: four-digit year, two-digit month and day, a
 * real calendar date ({@code dt=2026-13-40}, {@code dt=2026-02-30} and {@code dt=2026-1-5} are not
 * partitions). An hour partition is named {@code hr=HH} with HH in 00..23. A name that starts with
 * {@code _} or {@code .} is hidden: staging and set-aside directories ({@code _staging.dt=...},
 * {@code _replaced.dt=...}), {@code _temporary}, {@code _SUCCESS}, {@code _manifest.json} and checksum
 * files ({@code .x.crc}) are never partitions nor input.
 */
public final class PartitionNames {
  /** Partition key of date partitions. */
  public static final String DATE_KEY = "dt";
  /** Partition key of hour partitions (raw events). */
  public static final String HOUR_KEY = "hr";
  /** The marker a committed partition holds (FileOutputCommitter's {@code SUCCEEDED_FILE_NAME}). */
  public static final String SUCCESS_MARKER = "_SUCCESS";

  private static final String DATE_PREFIX = DATE_KEY + "=";
  private static final String HOUR_PREFIX = HOUR_KEY + "=";
  private static final Pattern DATE_VALUE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern HOUR_VALUE = Pattern.compile("\\d{2}");

  private PartitionNames() {
  }

  /** {@code dt=YYYY-MM-DD}. */
  public static String dateName(LocalDate date) {
    if (date.getYear() < 0 || date.getYear() > 9999) {
      throw new IllegalArgumentException("a partition date has a four-digit year: " + date);
    }
    return DATE_PREFIX + date;
  }

  /** {@code hr=HH}, for hour 0..23. */
  public static String hourName(int hour) {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("an hour partition is 0..23: " + hour);
    }
    return String.format("%s%02d", HOUR_PREFIX, hour);
  }

  /** Whether the name is a date partition's name at all ({@code dt=...}), valid or not. */
  public static boolean isDateName(String name) {
    return name.startsWith(DATE_PREFIX);
  }

  /** Whether the name is an hour partition's name at all ({@code hr=...}), valid or not. */
  public static boolean isHourName(String name) {
    return name.startsWith(HOUR_PREFIX);
  }

  /** The date of a valid {@code dt=YYYY-MM-DD} name; empty for anything else. */
  public static Optional<LocalDate> parseDate(String name) {
    if (!isDateName(name)) {
      return Optional.empty();
    }
    String value = name.substring(DATE_PREFIX.length());
    if (!DATE_VALUE.matcher(value).matches()) {
      return Optional.empty();
    }
    try {
      // ISO_LOCAL_DATE resolves strictly: month 13 and February 30 are errors, not rolled over.
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The hour of a valid {@code hr=00}..{@code hr=23} name; empty for anything else. */
  public static OptionalInt parseHour(String name) {
    if (!isHourName(name)) {
      return OptionalInt.empty();
    }
    String value = name.substring(HOUR_PREFIX.length());
    if (!HOUR_VALUE.matcher(value).matches()) {
      return OptionalInt.empty();
    }
    int hour = Integer.parseInt(value);
    return hour <= 23 ? OptionalInt.of(hour) : OptionalInt.empty();
  }

  /** Whether a file or directory name is hidden: it starts with {@code _} or {@code .}. */
  public static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }
}
