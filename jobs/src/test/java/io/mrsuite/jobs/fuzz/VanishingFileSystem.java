package io.mrsuite.jobs.fuzz;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The local file system, in which chosen files are listed but cannot be opened: as a file deleted (by a
 * lander's cleanup, a retention job) between a job's listing of its input and a task's reading of it.
 * Deterministic, unlike a race.
 *
 * <p>It replaces the {@code file} scheme's implementation in one job's configuration only, uncached, so the
 * job's client and tasks use it and nothing else in the JVM does. (A scheme of its own would not do: the
 * local file system's statuses build {@code java.io.File}s from their URIs, which must be {@code file:}.)
 */
public class VanishingFileSystem extends LocalFileSystem {
  /** Names (last path component) of the files that vanish, comma-separated. */
  static final String VANISHING = "mrsuite.fuzz.vanishing-files";

  private Set<String> vanishing = Set.of();

  /** Sets {@code conf} to read local files through this file system, with {@code names} vanishing. */
  static void register(Configuration conf, String... names) {
    conf.set("fs.file.impl", VanishingFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    conf.setStrings(VANISHING, names);
  }

  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
    vanishing = Set.of(conf.getTrimmedStrings(VANISHING));
  }

  @Override
  public FSDataInputStream open(Path path, int bufferSize) throws IOException {
    if (vanishing.contains(path.getName())) {
      throw new FileNotFoundException(path + " (No such file or directory)");
    }
    return super.open(path, bufferSize);
  }
}
