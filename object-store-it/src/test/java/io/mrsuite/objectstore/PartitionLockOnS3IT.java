package io.mrsuite.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.PartitionLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition's lock on {@code s3a://}, where {@code setTimes} does nothing: the holder renews it by writing it
 * again, so a run that outlives the lease keeps its lock.
 */
class PartitionLockOnS3IT {
  private static final long LEASE_SECONDS = 2;

  @TempDir
  static Path tmp;

  private static InJvmS3 s3;
  private static Configuration conf;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = InJvmS3.start();
    conf = s3.configure(new Configuration(), tmp);
    conf.setLong(PartitionLock.LEASE_SECONDS, LEASE_SECONDS);
  }

  @AfterAll
  static void stopS3() throws Exception {
    FileSystem.closeAll();
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void aHolderThatOutlivesTheLeaseKeepsItsLock() throws Exception {
    org.apache.hadoop.fs.Path partition = new org.apache.hadoop.fs.Path(s3.uri("warehouse/curated/events/dt=2026-11-20"));
    FileSystem fs = partition.getFileSystem(conf);
    List<String> found = new ArrayList<>();

    try (PartitionLock held = PartitionLock.acquire("dedup-events", "long-run", partition, conf, found::add)) {
      long created = fs.getFileStatus(PartitionLock.pathFor(partition)).getModificationTime();
      Thread.sleep(LEASE_SECONDS * 1000 * 2);

      JobFailedException refused = assertThrows(JobFailedException.class,
          () -> PartitionLock.acquire("dedup-events", "next", partition, conf, found::add));
      assertTrue(refused.getMessage().contains("is being written by run long-run of dedup-events"),
          refused.getMessage());
      assertTrue(fs.getFileStatus(PartitionLock.pathFor(partition)).getModificationTime() > created, "renewed");
      assertEquals("long-run", PartitionLock.holderOf(fs, partition).orElseThrow().runId());
    }
    assertFalse(fs.exists(PartitionLock.pathFor(partition)), "released");
    assertEquals(List.of(), found);
  }
}
