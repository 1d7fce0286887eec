package io.mrsuite.formats.partition;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * One selected {@code dt=YYYY-MM-DD} directory.
 *
 * @param date the partition's date
 * @param path the directory, as the FileSystem lists it (qualified)
 * @param complete whether it holds a {@code _SUCCESS} file
 * @param hours its valid {@code hr=HH} subdirectories in hour order, when hours were selected; otherwise
 *     empty
 */
public record DatePartition(LocalDate date, Path path, boolean complete, List<HourPartition> hours) {
  public DatePartition {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(path, "path");
    hours = List.copyOf(hours);
  }
}
