package io.mrsuite.jobs.local;

import io.mrsuite.jobs.run.UserSettings;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.NativeCodeLoader;

/**
 * Settings for a run in Hadoop's local mode (bin/mrsuite, the pipeline on one machine) that Hadoop's defaults
 * get wrong there; a setting the user made is kept.
 */
public final class LocalMode {
  /** Hadoop's key for the class behind {@code file://} paths. */
  public static final String FILE_IMPL = "fs.file.impl";
  /** How many map tasks the local runner runs at once (Hadoop's default: 1). */
  public static final String LOCAL_MAPS = "mapreduce.local.map.tasks.maximum";
  /** How many reduce tasks the local runner runs at once (Hadoop's default: 1). */
  public static final String LOCAL_REDUCES = "mapreduce.local.reduce.tasks.maximum";
  /** How often the client asks a running job for its progress, in ms (Hadoop's default: 1000). */
  public static final String PROGRESS_POLL_MS = "mapreduce.client.progressmonitor.pollinterval";
  /**
   * A local job's progress is a method call away: polling it every 100 ms costs nothing, and a job no longer
   * ends up to a second after its last task.
   */
  static final int LOCAL_PROGRESS_POLL_MS = 100;
  /** Each map task's sort buffer, in MiB. */
  public static final String SORT_MB = MRJobConfig.IO_SORT_MB;
  /** The sort buffer's most: Hadoop's default. */
  static final int MAX_SORT_MB = MRJobConfig.DEFAULT_IO_SORT_MB;
  /**
   * Sort buffers that may be allocated at once in one JVM, per core: a map task on each core, and a pipeline
   * fork running two jobs, with room left for the records and the writers.
   */
  static final int SORT_BUFFERS_PER_CORE = 8;

  private LocalMode() {
  }

  /**
   * Uses every core: the local runner runs one map and one reduce task at a time unless told otherwise, which
   * left one of two cores idle through every job. And makes {@code file://} paths use
   * {@link NioLocalFileSystem} when Hadoop's native library is not loaded (hadoop-client ships none): with the
   * library, Hadoop's own local filesystem makes the same system calls. The map tasks running at once share
   * this JVM's heap, so their sort buffers are cut to fit it (a 256 MiB heap gets 16 MiB buffers on 2 cores).
   */
  public static void configure(Configuration conf) {
    if (conf.get(FILE_IMPL) == null && !NativeCodeLoader.isNativeCodeLoaded()) {
      conf.setClass(FILE_IMPL, NioLocalFileSystem.class, FileSystem.class);
    }
    if (MRConfig.LOCAL_FRAMEWORK_NAME.equals(conf.get(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME))) {
      int cores = Runtime.getRuntime().availableProcessors();
      setUnlessSet(conf, LOCAL_MAPS, cores);
      setUnlessSet(conf, LOCAL_REDUCES, cores);
      setUnlessSet(conf, PROGRESS_POLL_MS, LOCAL_PROGRESS_POLL_MS);
      long heapMib = Runtime.getRuntime().maxMemory() >> 20;
      long sortMib = Math.max(1, Math.min(MAX_SORT_MB, heapMib / (SORT_BUFFERS_PER_CORE * cores)));
      setUnlessSet(conf, SORT_MB, (int) sortMib);
    }
  }

  private static void setUnlessSet(Configuration conf, String key, int value) {
    if (!UserSettings.isSet(conf, key)) {
      conf.setInt(key, value);
    }
  }
}
