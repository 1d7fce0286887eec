package io.mrsuite.jobs.retention;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.retention.Lineage.Partition;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a retention run deletes and what it keeps though the policy lets it go: the partitions past their
 * dataset's window, less those a partition still to be built needs.
 *
 * <p>A partition past its window is kept when a partition built from it ({@link Lineage}) is missing or incomplete
 * (no {@code _SUCCESS}) and still within its own window: deleting it would lose data that was never carried
 * downstream, e.g. the raw events of a day whose curated events were never published.
 */
public final class RetentionPlan {
  /** A partition to delete, with its size when planned. */
  public record Expired(Partition partition, Path path, long files, long bytes) {
  }

  /** A partition past its window, kept for one that still needs it. */
  public record Needed(Partition partition, Partition neededBy) {
  }

  private final List<Expired> expired;
  private final List<Needed> needed;

  private RetentionPlan(List<Expired> expired, List<Needed> needed) {
    this.expired = expired;
    this.needed = needed;
  }

  public List<Expired> expired() {
    return expired;
  }

  public List<Needed> needed() {
    return needed;
  }

  /** Lists every dataset's date partitions under {@code root} and sorts out those past their window. */
  public static RetentionPlan of(FileSystem fs, Path root, RetentionPolicy policy, Lineage lineage, LocalDate asOf)
      throws IOException {
    List<Expired> expired = new ArrayList<>();
    List<Needed> needed = new ArrayList<>();
    for (RetainedDataset dataset : policy.all().keySet()) {
      OptionalInt days = policy.days(dataset);
      Path dir = dataset.dir(root);
      if (days.isEmpty() || !fs.exists(dir)) {
        continue;
      }
      for (FileStatus status : fs.listStatus(dir)) {
        Optional<LocalDate> date = PartitionNames.parseDate(status.getPath().getName());
        if (!status.isDirectory() || date.isEmpty() || policy.keeps(dataset, date.get(), asOf)) {
          continue;
        }
        Partition partition = new Partition(dataset, date.get());
        Optional<Partition> missing = missingDownstream(fs, root, policy, lineage, partition, asOf);
        if (missing.isPresent()) {
          needed.add(new Needed(partition, missing.get()));
        } else {
          var summary = fs.getContentSummary(status.getPath());
          expired.add(new Expired(partition, status.getPath(), summary.getFileCount(), summary.getLength()));
        }
      }
    }
    return new RetentionPlan(expired, needed);
  }

  private static Optional<Partition> missingDownstream(FileSystem fs, Path root, RetentionPolicy policy,
      Lineage lineage, Partition partition, LocalDate asOf) throws IOException {
    for (Partition built : lineage.builtFrom(partition.dataset(), partition.date())) {
      Path path = new Path(built.dataset().dir(root), PartitionNames.dateName(built.date()));
      if (policy.keeps(built.dataset(), built.date(), asOf)
          && !fs.exists(new Path(path, PartitionNames.SUCCESS_MARKER))) {
        return Optional.of(built);
      }
    }
    return Optional.empty();
  }
}
