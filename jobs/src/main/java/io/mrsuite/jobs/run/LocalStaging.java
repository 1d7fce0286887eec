package io.mrsuite.jobs.run;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.server.jobtracker.JTConfig;

/**
 * Gives each local-mode process its own Hadoop staging directory, and deletes those of dead processes.
 *
 * <p>The local runner deletes a job's submit directory only when the job ends, so a killed client leaves
 * the job's jar, configuration and splits behind. Each process stages under
 * {@code ${hadoop.tmp.dir}/mrsuite-staging/<host>-<pid>}; a later run deletes the folders of processes of
 * this host that are gone. On a cluster the staging directory is YARN's, which cleans up after itself.
 */
final class LocalStaging {
  static final String ROOT = "mrsuite-staging";

  private LocalStaging() {
  }

  /** Synchronized: the jobs of one pipeline start side by side and would sweep the same folders. */
  static synchronized void sweepAndIsolate(Configuration conf, Consumer<String> found) throws IOException {
    if (!MRConfig.LOCAL_FRAMEWORK_NAME.equals(conf.get(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME))) {
      return;
    }
    FileSystem local = FileSystem.getLocal(conf);
    Path root = new Path(conf.get("hadoop.tmp.dir"), ROOT);
    String host = ThisProcess.host();
    if (local.exists(root)) {
      for (FileStatus folder : local.listStatus(root)) {
        String name = folder.getPath().getName();
        if (name.startsWith(host + "-") && deadHere(host, name.substring(host.length() + 1))) {
          sweep(local, folder.getPath(), found);
        }
      }
    }
    conf.set(JTConfig.JT_STAGING_AREA_ROOT, new Path(root, host + "-" + ThisProcess.pid()).toString());
  }

  private static void sweep(FileSystem local, Path folder, Consumer<String> found) throws IOException {
    try {
      // A finished process leaves only empty folders; files mean a job its killed client never ended.
      boolean jobLeft = local.getContentSummary(folder).getFileCount() > 0;
      if (local.delete(folder, true) && jobLeft) {
        found.accept("deleted the local staging folder " + folder + " of a killed run");
      }
    } catch (FileNotFoundException e) {
      // Another process swept it first.
    }
  }

  private static boolean deadHere(String host, String pid) {
    try {
      return ThisProcess.deadHere(host, Long.parseLong(pid));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
