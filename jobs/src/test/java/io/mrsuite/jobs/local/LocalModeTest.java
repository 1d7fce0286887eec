package io.mrsuite.jobs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;

class LocalModeTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @Test
  void localRunsUseEveryCoreAndTheNioFileSystem() {
    Configuration conf = new Configuration(false);
    LocalMode.configure(conf);
    assertEquals(NioLocalFileSystem.class, conf.getClass(LocalMode.FILE_IMPL, null, FileSystem.class));
    assertEquals(CORES, conf.getInt(LocalMode.LOCAL_MAPS, 0));
    assertEquals(CORES, conf.getInt(LocalMode.LOCAL_REDUCES, 0));
    assertEquals(100, conf.getInt(LocalMode.PROGRESS_POLL_MS, 0));
    long heapMib = Runtime.getRuntime().maxMemory() >> 20;
    assertEquals(Math.min(100, heapMib / (8 * CORES)), conf.getInt(LocalMode.SORT_MB, 0));
  }

  @Test
  void hadoopsDefaultSortBufferIsNotTheUsers() {
    JobConf conf = new JobConf();
    assertEquals(100, conf.getInt(LocalMode.SORT_MB, 0), "mapred-default.xml's value");
    LocalMode.configure(conf);
    long heapMib = Runtime.getRuntime().maxMemory() >> 20;
    assertEquals(Math.min(100, heapMib / (8 * CORES)), conf.getInt(LocalMode.SORT_MB, 0));
  }

  @Test
  void keepsWhatTheUserSet() {
    Configuration conf = new Configuration(false);
    conf.set(LocalMode.FILE_IMPL, RawLocalFileSystem.class.getName());
    conf.setInt(LocalMode.LOCAL_MAPS, 1);
    conf.setInt(LocalMode.LOCAL_REDUCES, 3);
    conf.setInt(LocalMode.SORT_MB, 7);
    LocalMode.configure(conf);
    assertEquals(7, conf.getInt(LocalMode.SORT_MB, 0));
    assertEquals(RawLocalFileSystem.class.getName(), conf.get(LocalMode.FILE_IMPL));
    assertEquals(1, conf.getInt(LocalMode.LOCAL_MAPS, 0));
    assertEquals(3, conf.getInt(LocalMode.LOCAL_REDUCES, 0));
  }

  @Test
  void aClusterRunKeepsYarnsOwnTaskSlots() {
    Configuration conf = new Configuration(false);
    conf.set("mapreduce.framework.name", "yarn");
    LocalMode.configure(conf);
    assertNull(conf.get(LocalMode.LOCAL_MAPS));
    assertNull(conf.get(LocalMode.LOCAL_REDUCES));
    assertNull(conf.get(LocalMode.PROGRESS_POLL_MS));
  }
}
