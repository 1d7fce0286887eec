package io.mrsuite.jobs.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * How a partition is replaced on a filesystem: by renaming a staged directory into place where a directory
 * rename is atomic (local files, HDFS), or, on object stores, by switching the partition's pointer to the run
 * directory that holds the new data ({@link PartitionPointer}, docs/object-store.md).
 */
public enum PublishMode {
  RENAME,
  POINTER;

  /** URI schemes of the filesystems whose partitions are published by pointer; comma-separated. */
  public static final String POINTER_SCHEMES = "mrsuite.publish.pointer-schemes";
  /** Object stores with Hadoop connectors: a directory rename there copies every object, and is not atomic. */
  public static final String DEFAULT_POINTER_SCHEMES = "s3a,s3,gs,oss,cosn,obs";

  public static PublishMode of(FileSystem fs, Configuration conf) {
    Set<String> schemes = Arrays.stream(conf.get(POINTER_SCHEMES, DEFAULT_POINTER_SCHEMES).split(","))
        .map(scheme -> scheme.trim().toLowerCase(Locale.ROOT)).filter(scheme -> !scheme.isEmpty())
        .collect(Collectors.toSet());
    String scheme = fs.getUri().getScheme();
    return scheme != null && schemes.contains(scheme.toLowerCase(Locale.ROOT)) ? POINTER : RENAME;
  }
}
