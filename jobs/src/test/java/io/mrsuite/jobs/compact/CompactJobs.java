package io.mrsuite.jobs.compact;

import org.apache.hadoop.conf.Configuration;

/** Configurations for running compact in tests. */
final class CompactJobs {
  private CompactJobs() {
  }

  /** Hadoop's local mode on local files: LocalJobRunner, as the other job tests run. */
  static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }
}
