package io.mrsuite.jobs.tool;

import io.mrsuite.jobs.warehouse.RealPaths;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Refuses a run whose partitions under {@code --root} lead out of it through a symbolic link.
 *
 * <p>A run replaces its output partition whole and deletes what earlier runs left beside it, so a link
 * from inside the warehouse to elsewhere would let it delete and write there. Only the local filesystem is
 * followed ({@link RealPaths}).
 */
public final class WarehouseBounds {
  private WarehouseBounds() {
  }

  /** Refuses the first of {@code paths} that is not inside {@code root} once links are followed. */
  public static void requireInside(Path root, List<Path> paths, Configuration conf) throws UsageException,
      IOException {
    Path realRoot = RealPaths.of(root, conf);
    for (Path path : paths) {
      Path real = RealPaths.of(path, conf);
      if (!RealPaths.within(real, realRoot)) {
        String rootShown = RealPaths.shown(root.getFileSystem(conf).makeQualified(root));
        throw new UsageException(RealPaths.shown(path) + " resolves to " + RealPaths.shown(real) + ", outside --root "
            + root + (rootShown.equals(RealPaths.shown(realRoot)) ? "" : " (" + RealPaths.shown(realRoot) + ")")
            + ": a symbolic link leads out of the warehouse");
      }
    }
  }
}
