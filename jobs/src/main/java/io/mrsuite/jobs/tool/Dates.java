package io.mrsuite.jobs.tool;

import io.mrsuite.formats.partition.PartitionNames;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/** Dates given on command lines and found in partition paths. */
public final class Dates {
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
