package io.mrsuite.jobs.tool;

import io.mrsuite.jobs.run.JobPaths;
import io.mrsuite.jobs.warehouse.RealPaths;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Refuses a run whose output or quarantine is, contains or is inside one of its inputs, or each other.
 *
 * <p>A run replaces its output whole when it publishes: an output over an input would delete what it read, or
 * read what it is writing. Paths are compared where they really are ({@link RealPaths}), so a symbolic link
 * does not hide an overlap; a glob is compared by its part before the first pattern character, below which
 * everything it can match lies.
 */
public final class OutputOverlap {
  private static final Pattern GLOB = Pattern.compile("[*?\\[\\]{}\\\\]");

  private OutputOverlap() {
  }

  /** Refuses the run when what it writes and what it reads overlap, naming both. */
  public static void refuse(JobPaths paths, Configuration conf) throws UsageException, IOException {
    Path output = RealPaths.of(paths.output(), conf);
    refuseOverInputs("output", paths.output(), output, paths, conf);
    if (paths.quarantine().isPresent()) {
      Path given = paths.quarantine().get();
      Path quarantine = RealPaths.of(given, conf);
      refuseOverInputs("quarantine", given, quarantine, paths, conf);
      if (RealPaths.within(output, quarantine) || RealPaths.within(quarantine, output)) {
        throw new UsageException("output " + RealPaths.shown(paths.output()) + " and quarantine "
            + RealPaths.shown(given) + " overlap"
            + followed(output, quarantine, paths.output(), given, conf) + ": they must be separate directories");
      }
    }
  }

  private static void refuseOverInputs(String what, Path given, Path written, JobPaths paths, Configuration conf)
      throws UsageException, IOException {
    for (Map.Entry<String, List<Path>> input : paths.inputs().entrySet()) {
      for (Path read : input.getValue()) {
        Path fixed = fixedPart(read);
        Path real = RealPaths.of(fixed, conf);
        String relation = relation(written, real);
        if (relation != null) {
          throw new UsageException(what + " " + RealPaths.shown(given) + " " + relation + " input --"
              + input.getKey() + " " + RealPaths.shown(read) + followed(written, real, given, fixed, conf)
              + ": a run must not write where it reads");
        }
      }
    }
  }

  /** How {@code written} lies to {@code read}, or null when apart. */
  private static String relation(Path written, Path read) {
    boolean inside = RealPaths.within(written, read);
    boolean contains = RealPaths.within(read, written);
    if (inside && contains) {
      return "is the same directory as";
    }
    return inside ? "is inside" : contains ? "contains" : null;
  }

  /** The real paths, when links made them differ from the given ones. */
  private static String followed(Path realA, Path realB, Path givenA, Path givenB, Configuration conf)
      throws IOException {
    Path a = givenA.getFileSystem(conf).makeQualified(givenA);
    Path b = givenB.getFileSystem(conf).makeQualified(givenB);
    if (a.equals(realA) && b.equals(realB)) {
      return "";
    }
    return (realA.equals(realB) ? " (both are " + RealPaths.shown(realA)
        : " (" + RealPaths.shown(realA) + " and " + RealPaths.shown(realB)) + " once symbolic links are followed)";
  }

  /** The path up to its first name holding a glob's pattern character. */
  private static Path fixedPart(Path input) {
    Path fixed = input;
    while (fixed.getParent() != null && GLOB.matcher(fixed.toUri().getPath()).find()) {
      fixed = fixed.getParent();
    }
    return fixed;
  }
}
