package io.mrsuite.it;

import io.mrsuite.jobs.run.RunManifest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The bytes a run published in a partition, file by file, whatever the partition's format. */
final class PartitionFiles {
  private PartitionFiles() {
  }

  /**
   * Each file's name and its bytes' SHA-256, in name order: two runs published the same files when equal. The
   * run's manifest is left out (it names the run); the data files are in (Avro, Parquet), and so are the
   * markers and summaries a committer writes beside them ({@code _SUCCESS}, Parquet's {@code _metadata}).
   */
  static Map<String, String> digests(FileSystem fs, Path partition) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    for (FileStatus file : fs.listStatus(partition)) {
      String name = file.getPath().getName();
      if (!file.isFile() || name.equals(RunManifest.FILE_NAME)) {
        continue;
      }
      try (InputStream in = fs.open(file.getPath())) {
        digests.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }
    return digests;
  }
}
