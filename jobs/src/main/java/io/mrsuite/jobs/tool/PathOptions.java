package io.mrsuite.jobs.tool;

import java.util.Arrays;
import org.apache.hadoop.fs.Path;

/**
 * Paths given on command lines, refused when they could lead somewhere other than they read.
 *
 * <p>A {@code ..} segment is refused before the path is built: Hadoop's {@code Path} normalizes
 * {@code /warehouse/../etc} to {@code /etc}, so a check of the built path would never see it.
 */
public final class PathOptions {
  private PathOptions() {
  }

  /** The path given as option {@code --name}: a local path or URI without {@code ..} segments. */
  public static Path parse(String name, String text) throws UsageException {
    if (text.isEmpty()) {
      throw new UsageException("--" + name + " names no path");
    }
    if (Arrays.asList(text.split("/", -1)).contains("..")) {
      throw new UsageException("--" + name + " must not go up a directory ('..'): " + text);
    }
    return new Path(text);
  }

  /** A path below another one, given as option {@code --name}: relative, without a scheme or {@code ..}. */
  public static Path relative(String name, String text) throws UsageException {
    Path path = parse(name, text);
    if (path.isAbsolute() || path.toUri().getScheme() != null) {
      throw new UsageException("--" + name + " must be a relative path: " + text);
    }
    return path;
  }
}
