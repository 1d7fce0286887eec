package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per partition: held locks refuse, stale ones are taken over, and a run releases only its own. */
class PartitionLockTest {
  @TempDir
  Path tmp;

  private final Configuration conf = new Configuration();
  private org.apache.hadoop.fs.Path partition;
  private final List<String> found = new ArrayList<>();

  @BeforeEach
  void setUp() {
    partition = new org.apache.hadoop.fs.Path(tmp.resolve("curated/events/dt=2026-11-20").toUri());
  }

  @Test
  void aHeldLockRefusesASecondRunNamingTheFirst() throws IOException {
    try (PartitionLock first = PartitionLock.acquire("dedup-events", "run-1", partition, conf, found::add)) {
      JobFailedException e = assertThrows(JobFailedException.class,
          () -> PartitionLock.acquire("dedup-events", "run-2", partition, conf, found::add));
      assertTrue(e.getMessage().contains("is being written by run run-1 of dedup-events on " + ThisProcess.host()
          + " (pid " + ThisProcess.pid() + ")"), e.getMessage());
    }
    PartitionLock.acquire("dedup-events", "run-3", partition, conf, found::add).close();
    assertEquals(List.of(), found);
  }

  @Test
  void aLockNotRenewedWithinItsLeaseIsTakenOverAndNotReleasedByItsFormerHolder() throws IOException {
    conf.setLong(PartitionLock.LEASE_SECONDS, 60);
    FileSystem fs = FileSystem.getLocal(conf);
    PartitionLock stalled = PartitionLock.acquire("dedup-events", "stalled", partition, conf, found::add);
    // As if the holder, alive on this host, had not renewed it for two minutes.
    fs.setTimes(PartitionLock.pathFor(partition), System.currentTimeMillis() - 120_000, -1);

    try (PartitionLock next = PartitionLock.acquire("dedup-events", "next", partition, conf, found::add)) {
      assertEquals(1, found.size());
      assertTrue(found.get(0).startsWith("took over the stale lock "), found.get(0));
      stalled.close();
      assertEquals("next", PartitionLock.holderOf(fs, partition).orElseThrow().runId(), "still held by next");
    }
    assertTrue(Files.notExists(tmp.resolve("curated/events/_lock.dt=2026-11-20")));
  }
}
