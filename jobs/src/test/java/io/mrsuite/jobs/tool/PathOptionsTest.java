package io.mrsuite.jobs.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** Path options: what is refused, in the words the user sees, and what is taken as given. */
class PathOptionsTest {
  @Test
  void aDotDotSegmentIsRefusedWhereverItIs() {
    for (String text : new String[] {"..", "../w", "/w/..", "/w/../etc", "w/../../x", "hdfs://nn:8020/w/../x",
        "/w/dt=2026-03-01/hr=*/../.."}) {
      UsageException refused = assertThrows(UsageException.class, () -> PathOptions.parse("root", text), text);
      assertEquals("--root must not go up a directory ('..'): " + text, refused.getMessage());
    }
  }

  @Test
  void namesThatOnlyHoldDotsAreTakenAsGiven() throws UsageException {
    assertEquals(new Path("/w/a..b/...").toString(), PathOptions.parse("root", "/w/a..b/...").toString());
    assertEquals(new Path("hdfs://nn:8020/w/dt=2026-03-01"), PathOptions.parse("output", "hdfs://nn:8020/w/dt=2026-03-01"));
    assertEquals(new Path("work/warehouse"), PathOptions.parse("root", "work/warehouse"));
  }

  @Test
  void anEmptyPathIsRefused() {
    assertEquals("--output names no path",
        assertThrows(UsageException.class, () -> PathOptions.parse("output", "")).getMessage());
  }

  @Test
  void aRelativePathHasNoRootAndNoScheme() throws UsageException {
    assertEquals(new Path("curated/events"), PathOptions.relative("table", "curated/events"));
    for (String text : new String[] {"/curated/events", "hdfs://nn:8020/curated/events", "file:/curated/events"}) {
      assertEquals("--table must be a relative path: " + text,
          assertThrows(UsageException.class, () -> PathOptions.relative("table", text)).getMessage());
    }
    assertEquals("--table must not go up a directory ('..'): ../x",
        assertThrows(UsageException.class, () -> PathOptions.relative("table", "../x")).getMessage());
  }
}
