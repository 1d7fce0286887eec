package io.mrsuite.jobs.cache;

import java.time.Instant;
import org.apache.hadoop.fs.FileStatus;

/**
 * One file a job shipped through the distributed cache: its link name in the task's working directory, and
 * the length and modification time it had when the driver listed it.
 */
record ShippedFile(String link, long length, long modificationTime) {
  private static final String SEPARATOR = ":";

  ShippedFile {
    if (link.contains(SEPARATOR) || link.contains(",")) {
      throw new IllegalArgumentException("a cache link name holds no ':' or ',': " + link);
    }
  }

  static ShippedFile of(String link, FileStatus status) {
    return new ShippedFile(link, status.getLen(), status.getModificationTime());
  }

  /** {@code link:length:modificationTime}, as {@link ShippedFiles#SHIPPED_FILES} lists it. */
  String entry() {
    return link + SEPARATOR + length + SEPARATOR + modificationTime;
  }

  static ShippedFile parse(String entry) {
    String[] parts = entry.split(SEPARATOR, -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a shipped cache file (link:length:modificationTime): " + entry);
    }
    return new ShippedFile(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
  }

  /** What the driver saw, for messages: {@code 1234 bytes, modified 2026-03-01T10:00:00Z}. */
  String describe() {
    return describe(length, modificationTime);
  }

  static String describe(long length, long modificationTime) {
    return length + " bytes, modified " + Instant.ofEpochMilli(modificationTime);
  }
}
