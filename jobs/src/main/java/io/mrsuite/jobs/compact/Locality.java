package io.mrsuite.jobs.compact;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/** Which hosts hold a group of files' bytes, so that its map task can be scheduled near most of them. */
final class Locality {
  /** As many hosts as HDFS keeps replicas by default; a split naming more gains the scheduler nothing. */
  static final int MAX_HOSTS = 3;

  private Locality() {
  }

  static Map<String, Long> bytesByHost(FileSystem fs, FileStatus status) throws IOException {
    Map<String, Long> bytes = new HashMap<>();
    for (BlockLocation block : fs.getFileBlockLocations(status, 0, status.getLen())) {
      for (String host : block.getHosts()) {
        bytes.merge(host, block.getLength(), Long::sum);
      }
    }
    return bytes;
  }

  /** The hosts holding the most bytes of the files, most first, at most {@value #MAX_HOSTS}. */
  static String[] hostsOf(Collection<DataFile> files) {
    Map<String, Long> total = new HashMap<>();
    files.forEach(file -> file.bytesByHost().forEach((host, bytes) -> total.merge(host, bytes, Long::sum)));
    return total.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_HOSTS).map(Map.Entry::getKey).toArray(String[]::new);
  }
}
