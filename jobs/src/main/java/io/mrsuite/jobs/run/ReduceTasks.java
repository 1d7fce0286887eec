package io.mrsuite.jobs.run;

import io.mrsuite.jobs.local.LocalMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;

/**
 * Sizes a job's reduce phase from the bytes it reads, as Hive does, unless the job or the user chose a number:
 * Hadoop's default is one reducer, whatever the input, which left one core (or a whole cluster but one
 * container) sorting and writing everything.
 */
public final class ReduceTasks {
  /** Input bytes per reducer. */
  public static final String BYTES_PER_REDUCER = "mrsuite.reduce.bytes-per-task";
  /** On a cluster: Hive's figure, big enough that a reducer's container start is a small part of its time. */
  public static final long DEFAULT_BYTES_PER_REDUCER = 256L << 20;
  /**
   * In local mode a reducer costs no container, and a 256 MiB day (about 250 MB of curated events) would get one
   * reducer and leave a core idle: smaller tasks keep every core busy.
   */
  public static final long DEFAULT_LOCAL_BYTES_PER_REDUCER = 64L << 20;
  /** The most reducers a job gets. */
  public static final String MAX_REDUCERS = "mrsuite.reduce.max-tasks";
  public static final int DEFAULT_MAX_REDUCERS = 1009;

  private ReduceTasks() {
  }

  /**
   * Sets the job's reducers to one per {@link #BYTES_PER_REDUCER} of input (256 MiB, 64 MiB in local mode), at
   * most {@link #MAX_REDUCERS}; in local mode, above one, a multiple of the reduce tasks run at once, so that no
   * core waits for the last one.
   * A map-only job, and one whose reducers were set by its code or on the command line, is left alone.
   */
  public static void sizeFromInput(Job job) throws IOException {
    Configuration conf = job.getConfiguration();
    if (job.getNumReduceTasks() == 0 || UserSettings.isSet(conf, MRJobConfig.NUM_REDUCES)) {
      return;
    }
    boolean local = MRConfig.LOCAL_FRAMEWORK_NAME.equals(
        conf.get(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME));
    long perReducer = Math.max(1, conf.getLong(BYTES_PER_REDUCER,
        local ? DEFAULT_LOCAL_BYTES_PER_REDUCER : DEFAULT_BYTES_PER_REDUCER));
    int max = Math.max(1, conf.getInt(MAX_REDUCERS, DEFAULT_MAX_REDUCERS));
    long reducers = Math.min(max, Math.max(1, (inputBytes(job) + perReducer - 1) / perReducer));
    int slots = conf.getInt(LocalMode.LOCAL_REDUCES, 1);
    if (local && reducers > 1 && slots > 1) {
      reducers = Math.min(max, (reducers + slots - 1) / slots * slots);
    }
    job.setNumReduceTasks((int) reducers);
  }

  /** The bytes under every input path of the job, globs expanded, MultipleInputs' included. */
  static long inputBytes(Job job) throws IOException {
    Configuration conf = job.getConfiguration();
    List<Path> inputs = new ArrayList<>(List.of(FileInputFormat.getInputPaths(job)));
    // MultipleInputs keeps its paths apart, as path;format,path;format.
    for (String pathAndFormat : conf.getTrimmedStrings(MultipleInputs.DIR_FORMATS)) {
      inputs.add(new Path(pathAndFormat.substring(0, pathAndFormat.lastIndexOf(';'))));
    }
    long bytes = 0;
    for (Path input : inputs) {
      FileSystem fs = input.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(input);
      if (matches == null) {
        continue;
      }
      for (FileStatus match : matches) {
        bytes += match.isDirectory() ? fs.getContentSummary(match.getPath()).getLength() : match.getLen();
      }
    }
    return bytes;
  }
}
