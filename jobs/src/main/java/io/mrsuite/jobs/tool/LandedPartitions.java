package io.mrsuite.jobs.tool;

import io.mrsuite.formats.partition.DatePartitions;
import io.mrsuite.formats.partition.IgnoredEntry;
import io.mrsuite.formats.partition.MissingPartitionsException;
import io.mrsuite.formats.partition.PartitionSelection;
import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The raw files an ingest job reads: the landed partition of a date, or the paths named on its command line. */
final class LandedPartitions {
  private static final Logger LOG = LoggerFactory.getLogger(LandedPartitions.class);

  private LandedPartitions() {
  }

  /**
   * The partition {@code raw/<dataset>/dt=D}, or its {@code hr=HH} folders for an hour-partitioned dataset; a
   * job failure when it is missing or holds data outside its hours, which would otherwise go unread.
   */
  static List<Path> of(Dataset dataset, Path dir, LocalDate date, Configuration conf) throws IOException {
    PartitionSelection selection;
    try {
      selection = DatePartitions.forDate(date).withHours(dataset.hourPartitioned()).select(dir.getFileSystem(conf), dir);
    } catch (MissingPartitionsException e) {
      throw new JobFailedException("nothing to ingest: " + e.getMessage());
    }
    Path partition = selection.partitionPaths().get(0);
    if (!dataset.hourPartitioned()) {
      return List.of(partition);
    }
    List<String> misplaced = new ArrayList<>();
    for (IgnoredEntry entry : selection.warnings()) {
      if (entry.path().getParent().equals(partition)) {
        misplaced.add(entry.path().getName() + " (" + entry.reason().description() + ")");
      } else {
        LOG.warn("Not a partition of this run: {} ({})", entry.path(), entry.reason().description());
      }
    }
    if (!misplaced.isEmpty()) {
      throw new JobFailedException("raw partition " + partition + " holds entries that are not hr=HH directories: "
          + String.join(", ", misplaced) + "; move them into an hour directory or out of the partition");
    }
    if (selection.hourPaths().isEmpty()) {
      throw new JobFailedException("raw partition " + partition + " holds no hr=HH directories: nothing to ingest");
    }
    return selection.hourPaths();
  }

  /** Fails the job, naming the path, when a file, directory or glob given on the command line matches nothing. */
  static void requireMatches(Path input, Configuration conf) throws IOException {
    FileStatus[] matches = input.getFileSystem(conf).globStatus(input);
    if (matches == null || matches.length == 0) {
      throw new JobFailedException("input " + input + " matches nothing");
    }
  }
}
