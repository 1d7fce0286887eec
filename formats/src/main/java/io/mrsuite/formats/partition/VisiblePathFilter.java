package io.mrsuite.formats.partition;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathFilter;

/**
 * Accepts only visible paths, rejecting every name that starts with {@code _} or {@code .}.
 *
 * <p>So {@code _SUCCESS}, {@code _manifest.json}, {@code _temporary/}, {@code _staging.*} and checksum files
 * such as {@code .part-m-00000.avro.crc} are never read as input, even when a caller names a partition
 * directory directly. Only the last component of a path is judged. Stateless.
 *
 * <p>Hadoop's FileInputFormat applies the same rule of its own, so a job's input needs no filter. This one is
 * for listings that do not go through FileInputFormat, such as a partition's files put in the distributed
 * cache.
 */
public final class VisiblePathFilter implements PathFilter {

  @Override
  public boolean accept(Path path) {
    return !PartitionNames.isHidden(path.getName());
  }
}
