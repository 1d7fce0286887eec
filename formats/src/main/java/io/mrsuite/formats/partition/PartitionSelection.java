package io.mrsuite.formats.partition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;

/**
 * The result of {@link DatePartitions#select} for one dataset.
 *
 * <p>It holds the selected partitions in date order, the dates that could not be selected, and every entry
 * that was skipped. A date is missing when it has no directory, and incomplete when it has no
 * {@code _SUCCESS} although that was required. Immutable.
 */
public final class PartitionSelection {
  private final DatePartitions request;
  private final Path dataset;
  private final boolean datasetExists;
  private final List<DatePartition> partitions;
  private final List<LocalDate> missing;
  private final List<LocalDate> incomplete;
  private final List<IgnoredEntry> ignored;

  PartitionSelection(DatePartitions request, Path dataset, boolean datasetExists, List<DatePartition> partitions,
      List<LocalDate> missing, List<LocalDate> incomplete, List<IgnoredEntry> ignored) {
    this.request = request;
    this.dataset = dataset;
    this.datasetExists = datasetExists;
    this.partitions = List.copyOf(partitions);
    this.missing = List.copyOf(missing);
    this.incomplete = List.copyOf(incomplete);
    this.ignored = List.copyOf(ignored);
  }

  /** The dataset directory, qualified. */
  public Path dataset() {
    return dataset;
  }

  /** False when the dataset directory itself does not exist (then every date is missing). */
  public boolean datasetExists() {
    return datasetExists;
  }

  /** The selected partitions, in date order. */
  public List<DatePartition> partitions() {
    return partitions;
  }

  /** The selected {@code dt=} directories, in date order. */
  public List<Path> partitionPaths() {
    return partitions.stream().map(DatePartition::path).toList();
  }

  /** The {@code hr=} directories of the selected partitions, by date then hour; empty unless hours were selected. */
  public List<Path> hourPaths() {
    return partitions.stream().flatMap(p -> p.hours().stream()).map(HourPartition::path).toList();
  }

  /** Dates in range without a {@code dt=} directory, in order. */
  public List<LocalDate> missing() {
    return missing;
  }

  /** Dates in range whose directory has no {@code _SUCCESS} while it was required, in order. */
  public List<LocalDate> incomplete() {
    return incomplete;
  }

  /** Every date in range that was not selected (missing or incomplete), in order. */
  public List<LocalDate> unavailable() {
    List<LocalDate> all = new ArrayList<>(missing);
    all.addAll(incomplete);
    all.sort(null);
    return List.copyOf(all);
  }

  /** Whether every date of the range was selected. */
  public boolean isComplete() {
    return missing.isEmpty() && incomplete.isEmpty();
  }

  /** Every entry skipped while listing, by path: hidden ones and those in {@link #warnings()}. */
  public List<IgnoredEntry> ignored() {
    return ignored;
  }

  /**
   * The skipped entries that point at a mistake in the warehouse ({@link IgnoredEntry.Reason#warning()}):
   * {@code dt=}/{@code hr=} names that are no valid date or hour, partition names on files, stray names. A
   * job should log these.
   */
  public List<IgnoredEntry> warnings() {
    return ignored.stream().filter(e -> e.reason().warning()).toList();
  }

  /**
   * One line naming the dataset, the range and every unavailable date, e.g. {@code dataset
   * file:/w/curated/events, dt=2026-11-20 + 1 late day (2026-11-20..2026-11-21): 1 of 2 partitions
   * unavailable: missing (no directory): dt=2026-11-21}. Empty when nothing is unavailable.
   */
  public String describeUnavailable() {
    if (isComplete()) {
      return "";
    }
    int total = request.dates().size();
    StringBuilder text = new StringBuilder("dataset ").append(dataset).append(", ").append(request)
        .append(" (").append(request.from()).append("..").append(request.lastDate()).append("): ")
        .append(unavailable().size()).append(" of ").append(total)
        .append(total == 1 ? " partition unavailable" : " partitions unavailable");
    if (!datasetExists) {
      text.append(" (the dataset directory does not exist)");
    }
    if (!missing.isEmpty()) {
      text.append(": missing (no directory): ").append(names(missing));
    }
    if (!incomplete.isEmpty()) {
      text.append(missing.isEmpty() ? ": " : "; ").append("incomplete (no ").append(PartitionNames.SUCCESS_MARKER)
          .append("): ").append(names(incomplete));
    }
    return text.toString();
  }

  private static String names(List<LocalDate> dates) {
    return dates.stream().map(PartitionNames::dateName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return "PartitionSelection[" + dataset + ", " + request + ": " + partitions.size() + " selected, "
        + missing.size() + " missing, " + incomplete.size() + " incomplete, " + warnings().size() + " warnings]";
  }
}
