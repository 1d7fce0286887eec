package io.mrsuite.formats.partition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Builds directory trees under a temporary directory with java.nio (so no {@code .crc} side files appear
 * unless a test writes one) and reads them back through Hadoop's LocalFileSystem.
 */
final class LocalTree {
  private final java.nio.file.Path root;
  private final LocalFileSystem fs;

  LocalTree(java.nio.file.Path root) throws IOException {
    this.root = root;
    Configuration conf = conf();
    this.fs = FileSystem.getLocal(conf);
  }

  static Configuration conf() {
    Configuration conf = new Configuration(false);
    conf.set("fs.defaultFS", "file:///");
    return conf;
  }

  LocalFileSystem fs() {
    return fs;
  }

  /** Creates the directory {@code relative} (and its parents). */
  LocalTree dir(String relative) throws IOException {
    Files.createDirectories(root.resolve(relative));
    return this;
  }

  /** Creates the file {@code relative} (and its parent directories) holding its own name. */
  LocalTree file(String relative) throws IOException {
    java.nio.file.Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, relative.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /**
   * The Hadoop path of {@code relative}, qualified as the FileSystem lists it (built from the path text:
   * java.nio's {@code toUri()} adds a trailing slash to existing directories).
   */
  Path path(String relative) {
    return fs.makeQualified(new Path(root.resolve(relative).toAbsolutePath().toString()));
  }
}
