package io.mrsuite.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.jobs.local.LocalMode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.MultipleInputs;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReduceTasksTest {
  @TempDir
  Path tmp;

  @Test
  void oneReducerPerBytesPerTaskOfInput() throws Exception {
    Job job = job(yarn());
    job.getConfiguration().setLong(ReduceTasks.BYTES_PER_REDUCER, 1000);
    FileInputFormat.addInputPath(job, dir("a", 2500));
    ReduceTasks.sizeFromInput(job);
    assertEquals(3, job.getNumReduceTasks());
  }

  @Test
  void countsGlobsAndMultipleInputs() throws Exception {
    Job job = job(yarn());
    job.getConfiguration().setLong(ReduceTasks.BYTES_PER_REDUCER, 1000);
    dir("hr=01", 1000);
    dir("hr=02", 1000);
    FileInputFormat.addInputPath(job, new org.apache.hadoop.fs.Path(tmp.toUri() + "/hr=*"));
    MultipleInputs.addInputPath(job, dir("orders", 1500), TextInputFormat.class);
    assertEquals(3500, ReduceTasks.inputBytes(job));
    ReduceTasks.sizeFromInput(job);
    assertEquals(4, job.getNumReduceTasks());
  }

  @Test
  void aSmallInputGetsOneReducerAndTheMostIsKept() throws Exception {
    Job small = job(local(2));
    FileInputFormat.addInputPath(small, dir("small", 10));
    ReduceTasks.sizeFromInput(small);
    assertEquals(1, small.getNumReduceTasks());

    Job big = job(yarn());
    big.getConfiguration().setLong(ReduceTasks.BYTES_PER_REDUCER, 1);
    big.getConfiguration().setInt(ReduceTasks.MAX_REDUCERS, 5);
    FileInputFormat.addInputPath(big, dir("big", 100));
    ReduceTasks.sizeFromInput(big);
    assertEquals(5, big.getNumReduceTasks());
  }

  @Test
  void localModeTakesSmallerTasks() throws Exception {
    Job job = job(local(1));
    FileInputFormat.addInputPath(job, dir("a", (int) ReduceTasks.DEFAULT_LOCAL_BYTES_PER_REDUCER + 1));
    ReduceTasks.sizeFromInput(job);
    assertEquals(2, job.getNumReduceTasks());
  }

  @Test
  void localModeRoundsUpToTheReduceSlots() throws Exception {
    Job job = job(local(4));
    job.getConfiguration().setLong(ReduceTasks.BYTES_PER_REDUCER, 1000);
    FileInputFormat.addInputPath(job, dir("a", 2500));
    ReduceTasks.sizeFromInput(job);
    assertEquals(4, job.getNumReduceTasks());
  }

  @Test
  void keepsAChosenNumberAndMapOnlyJobs() throws Exception {
    Job chosen = job(yarn());
    chosen.getConfiguration().setLong(ReduceTasks.BYTES_PER_REDUCER, 1);
    chosen.getConfiguration().setInt(MRJobConfig.NUM_REDUCES, 1);
    FileInputFormat.addInputPath(chosen, dir("a", 100));
    ReduceTasks.sizeFromInput(chosen);
    assertEquals(1, chosen.getNumReduceTasks());

    Job mapOnly = job(yarn());
    mapOnly.getConfiguration().setLong(ReduceTasks.BYTES_PER_REDUCER, 1);
    mapOnly.setNumReduceTasks(0);
    FileInputFormat.addInputPath(mapOnly, dir("b", 100));
    ReduceTasks.sizeFromInput(mapOnly);
    assertEquals(0, mapOnly.getNumReduceTasks());
  }

  private static Job job(Configuration conf) throws IOException {
    return Job.getInstance(conf);
  }

  private static Configuration yarn() {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "yarn");
    return conf;
  }

  private static Configuration local(int reduceSlots) {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    conf.setInt(LocalMode.LOCAL_REDUCES, reduceSlots);
    return conf;
  }

  private org.apache.hadoop.fs.Path dir(String name, int bytes) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("part-0").toFile(), "rw")) {
      file.setLength(bytes);
    }
    return new org.apache.hadoop.fs.Path(dir.toUri());
  }
}
