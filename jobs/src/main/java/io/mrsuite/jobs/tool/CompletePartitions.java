package io.mrsuite.jobs.tool;

import io.mrsuite.formats.partition.DatePartitions;
import io.mrsuite.formats.partition.MissingPartitionsException;
import io.mrsuite.formats.partition.PartitionSelection;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.PartitionPointer;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The curated partitions a daily job reads, each required to be complete ({@code _SUCCESS}), as the directories
 * that hold their data: on an object store, the run directory each partition's pointer names.
 */
public final class CompletePartitions {
  private CompletePartitions() {
  }

  /** The complete partition of {@code date}; a job failure naming it when it is missing or incomplete. */
  public static Path of(String jobName, Path dataset, LocalDate date, Configuration conf) throws IOException {
    return range(jobName, dataset, date, 0, false, conf).get(0);
  }

  /**
   * The complete partitions {@code date .. date+lateDays}. A missing or incomplete one is a job failure
   * naming every such date, unless {@code allowMissing}: the run then says what it runs without.
   */
  public static List<Path> range(String jobName, Path dataset, LocalDate date, int lateDays, boolean allowMissing,
      Configuration conf) throws IOException {
    PartitionSelection selection;
    try {
      selection = DatePartitions.forDate(date).withLateDays(lateDays).withRequireSuccess(true)
          .withAllowMissing(allowMissing).select(dataset.getFileSystem(conf), dataset);
    } catch (MissingPartitionsException e) {
      throw new JobFailedException(e.getMessage());
    }
    if (!selection.unavailable().isEmpty()) {
      System.out.println(jobName + ": running without " + selection.describeUnavailable());
    }
    if (selection.partitionPaths().isEmpty()) {
      throw new JobFailedException("no complete partition of " + dataset + " for " + date
          + (lateDays > 0 ? " .. " + date.plusDays(lateDays) : ""));
    }
    FileSystem fs = dataset.getFileSystem(conf);
    List<Path> data = new ArrayList<>();
    for (Path partition : selection.partitionPaths()) {
      data.add(PartitionPointer.dataDir(fs, partition));
    }
    return data;
  }
}
