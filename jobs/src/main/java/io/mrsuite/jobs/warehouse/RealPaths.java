package io.mrsuite.jobs.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Where a path really is: qualified, and on the local filesystem with its symbolic links followed.
 *
 * <p>Only local paths are followed. HDFS resolves its own symlinks on the NameNode and Hadoop's client turns
 * them off by default ({@code fs.client.resolve.remote.symlinks}); object stores have none.
 */
public final class RealPaths {
  private RealPaths() {
  }

  /**
   * The path with every symbolic link on it followed, as far as it exists; the names below its deepest
   * existing directory are kept as given. Elsewhere than on the local filesystem, the qualified path.
   */
  public static Path of(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    Path qualified = fs.makeQualified(path);
    if (!(fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem)) {
      return qualified;
    }
    java.nio.file.Path existing = Paths.get(qualified.toUri());
    Deque<String> below = new ArrayDeque<>();
    // A dangling link exists as a link: toRealPath then fails on it, naming it, rather than skipping it.
    while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      below.push(existing.getFileName().toString());
      existing = existing.getParent();
    }
    java.nio.file.Path real = existing.toRealPath();
    while (!below.isEmpty()) {
      real = real.resolve(below.pop());
    }
    return new Path(qualified.toUri().getScheme(), qualified.toUri().getAuthority(), real.toString());
  }

  /** The path for a message: a local one without its {@code file:} scheme, as the user gave it. */
  public static String shown(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }

  /** Whether {@code inner} is {@code outer} or below it; both qualified. */
  public static boolean within(Path inner, Path outer) {
    if (!sameFileSystem(inner, outer)) {
      return false;
    }
    String in = withoutTrailingSlash(inner.toUri().getPath());
    String out = withoutTrailingSlash(outer.toUri().getPath());
    return in.equals(out) || in.startsWith(out.endsWith("/") ? out : out + "/");
  }

  private static boolean sameFileSystem(Path a, Path b) {
    return String.valueOf(a.toUri().getScheme()).equals(String.valueOf(b.toUri().getScheme()))
        && String.valueOf(a.toUri().getAuthority()).equals(String.valueOf(b.toUri().getAuthority()));
  }

  private static String withoutTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
