package io.mrsuite.jobs.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/** Dates given on command lines and found in partition paths. */
public final class Dates {
  private static final Pattern PARTITION = Pattern.compile("(?:^|/)dt=(\\d{4}-\\d{2}-\\d{2})(?:/|$)");

  private Dates() {
  }

  /** Parses {@code YYYY-MM-DD} given as option {@code --name}. */
  public static LocalDate parseOption(String name, String text) throws UsageException {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException("--" + name + " must be a date YYYY-MM-DD: " + text);
    }
  }

  /** The one {@code dt=} date all the paths name; a usage error when they name none or several. */
  public static LocalDate fromPartitions(List<Path> paths) throws UsageException {
    LocalDate found = null;
    for (Path path : paths) {
      Matcher m = PARTITION.matcher(path.toUri().getPath());
      if (!m.find()) {
        throw new UsageException("cannot tell the date of " + path + " (no dt=YYYY-MM-DD in it): give --date");
      }
      LocalDate date = parseOption("input", m.group(1));
      if (found != null && !found.equals(date)) {
        throw new UsageException("inputs name different dates (" + found + ", " + date + "): give --date");
      }
      found = date;
    }
    return found;
  }
}
