package io.mrsuite.formats.partition;

import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * One {@code hr=HH} directory of a selected date partition.
 *
 * @param hour 0..23
 * @param path the directory, as the FileSystem lists it (qualified)
 */
public record HourPartition(int hour, Path path) {
  public HourPartition {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour " + hour + " is not 0..23");
    }
    Objects.requireNonNull(path, "path");
  }
}
