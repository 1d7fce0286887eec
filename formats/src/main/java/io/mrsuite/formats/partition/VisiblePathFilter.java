package io.mrsuite.formats.partition;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathFilter;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Accepts only visible paths: rejects every name that starts with {@code _} or {@code .}, so
 * {@code _SUCCESS}, {@code _manifest.json}, {@code _temporary/}, {@code _staging.*} and checksum files such
 * as {@code .part-m-00000.avro.crc} are never read as input, even when a caller names a partition
 * directory directly.
 *
 * <p>Hadoop's FileInputFormat applies the same rule of its own; this filter states it explicitly for our
 * jobs, also covers listings that do not go through FileInputFormat, and keeps working if a job sets
 * another input path filter through {@link #install(Job)} instead. FileInputFormat applies the filter to
 * the input paths as given (after globbing) and to every entry it lists below them, so only the last
 * component of a path is judged.
 *
 * <p>Stateless; FileInputFormat creates it by reflection, hence the public no-argument constructor.
 */
public final class VisiblePathFilter implements PathFilter {

  public VisiblePathFilter() {
  }

  @Override
  public boolean accept(Path path) {
    return !PartitionNames.isHidden(path.getName());
  }

  /** Sets this filter as the job's input path filter ({@link FileInputFormat#setInputPathFilter}). */
  public static void install(Job job) {
    FileInputFormat.setInputPathFilter(job, VisiblePathFilter.class);
  }
}
