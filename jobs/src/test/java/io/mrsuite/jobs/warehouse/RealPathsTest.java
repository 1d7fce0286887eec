package io.mrsuite.jobs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where local paths really are, through links and below what does not exist yet. */
class RealPathsTest {
  @TempDir
  Path tmp;

  @Test
  void linksOnThePathAreFollowedAndMissingNamesKept() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/events"));
    Files.createDirectories(tmp.resolve("w/curated"));
    Files.createSymbolicLink(tmp.resolve("w/curated/events"), elsewhere);

    assertEquals(hadoop(elsewhere.resolve("dt=2026-03-01")),
        RealPaths.of(hadoop(tmp.resolve("w/curated/events/dt=2026-03-01")), new Configuration()));
    assertEquals(hadoop(tmp.resolve("w/marts/x/dt=2026-03-01")),
        RealPaths.of(hadoop(tmp.resolve("w/marts/x/dt=2026-03-01")), new Configuration()));
  }

  @Test
  void withinComparesWholeNames() {
    assertTrue(RealPaths.within(path("file:/w/a"), path("file:/w/a")));
    assertTrue(RealPaths.within(path("file:/w/a/b"), path("file:/w/a")));
    assertTrue(RealPaths.within(path("file:/w/a"), path("file:/")));
    assertFalse(RealPaths.within(path("file:/w/ab"), path("file:/w/a")));
    assertFalse(RealPaths.within(path("file:/w/a"), path("file:/w/a/b")));
    assertFalse(RealPaths.within(path("hdfs://nn/w/a"), path("file:/w")));
  }

  private static org.apache.hadoop.fs.Path path(String text) {
    return new org.apache.hadoop.fs.Path(text);
  }

  private static org.apache.hadoop.fs.Path hadoop(Path path) {
    return new org.apache.hadoop.fs.Path("file", null, path.toString());
  }
}
