package io.mrsuite.jobs.tool;

import io.mrsuite.formats.partition.PartitionNames;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/** Dates given on command lines and found in partition paths. */
public final class Dates {
  /** The last date a partition can be named for: its name has a four-digit year. */
  public static final LocalDate LAST = LocalDate.of(9999, 12, 31);
  // ISO's parser also takes a sign and a longer year (+10000-01-01), which no partition can be named for.
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private Dates() {
  }

  /**
   * Parses {@code YYYY-MM-DD} given as option {@code --name}: four-digit year, two-digit month and day, a day
   * of the calendar ({@code 2026-02-30} and {@code 2026-3-1} are refused), as partition names are.
   */
  public static LocalDate parseOption(String name, String text) throws UsageException {
    UsageException notADate = new UsageException("--" + name + " must be a date YYYY-MM-DD: " + text);
    if (!DATE.matcher(text).matches()) {
      throw notADate;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw notADate;
    }
  }

  /** Refuses a late window that reads past {@link #LAST}, whose partitions cannot be named. */
  public static void requireLateDaysNamed(String option, LocalDate date, int lateDays) throws UsageException {
    if (lateDays > ChronoUnit.DAYS.between(date, LAST)) {
      throw new UsageException("--" + option + " " + lateDays + " reads past " + LAST + ", the last date a partition"
          + " can be named for");
    }
  }

  /** The date of the innermost {@code dt=} directory on the path, or null. */
  private static LocalDate partitionDate(Path path) {
    for (Path p = path; p != null; p = p.getParent()) {
      Optional<LocalDate> date = PartitionNames.parseDate(p.getName());
      if (date.isPresent()) {
        return date.get();
      }
    }
    return null;
  }

  /** The one {@code dt=} date all the paths name; a usage error when they name none or several. */
  public static LocalDate fromPartitions(List<Path> paths) throws UsageException {
    LocalDate found = null;
    for (Path path : paths) {
      LocalDate date = partitionDate(path);
      if (date == null) {
        throw new UsageException("cannot tell the date of " + path + " (no dt=YYYY-MM-DD in it): give --date");
      }
      if (found != null && !found.equals(date)) {
        throw new UsageException("inputs name different dates (" + found + ", " + date + "): give --date");
      }
      found = date;
    }
    return found;
  }
}
