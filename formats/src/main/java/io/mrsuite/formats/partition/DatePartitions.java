package io.mrsuite.formats.partition;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIsNotDirectoryException;

/**
 * A request for the {@code dt=YYYY-MM-DD} partitions of one dataset that a job reads.
 *
 * <p>It holds a date range {@code [from, to]}, a late window of N days that extends it to
 * {@code from .. to + N}, and what to do about partitions that are missing. Immutable: every {@code with...}
 * method returns a new request.
 *
 * <pre>{@code
 * // dedup for event date X reads curated arrival partitions X .. X+late_days, each committed
 * PartitionSelection curated = DatePartitions.forDate(x)
 *     .withLateDays(lateDays)
 *     .withRequireSuccess(true)
 *     .select(fs, new Path(root, "curated/events"));
 * // ingest reads the hour directories of one raw arrival date
 * PartitionSelection raw = DatePartitions.forDate(d).withHours(true).select(fs, new Path(root, "raw/events"));
 * FileInputFormat.setInputPaths(job, raw.hourPaths().toArray(new Path[0]));
 * }</pre>
 *
 * <p>Defaults: no late window, missing partitions are an error, {@code _SUCCESS} is not required (right
 * for raw partitions, whose landers may not write it; turn it on for partitions our jobs write), hours are
 * not selected.
 */
public final class DatePartitions {
  private final LocalDate from;
  private final LocalDate to;
  private final int lateDays;
  private final boolean allowMissing;
  private final boolean requireSuccess;
  private final boolean hours;

  private DatePartitions(LocalDate from, LocalDate to, int lateDays, boolean allowMissing, boolean requireSuccess,
      boolean hours) {
    this.from = from;
    this.to = to;
    this.lateDays = lateDays;
    this.allowMissing = allowMissing;
    this.requireSuccess = requireSuccess;
    this.hours = hours;
  }

  /** The partition of one date. */
  public static DatePartitions forDate(LocalDate date) {
    return forRange(date, date);
  }

  /** The partitions of {@code from} through {@code to}, both included. */
  public static DatePartitions forRange(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("date range ends before it starts: " + from + " .. " + to);
    }
    PartitionNames.dateName(from);
    PartitionNames.dateName(to);
    return new DatePartitions(from, to, 0, false, false, false);
  }

  /** Also reads the {@code days} partitions after {@code to}: the range becomes {@code from .. to + days}. */
  public DatePartitions withLateDays(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("late days must be 0 or more: " + days);
    }
    PartitionNames.dateName(to.plusDays(days));
    return new DatePartitions(from, to, days, allowMissing, requireSuccess, hours);
  }

  /**
   * Whether missing (or, with {@link #withRequireSuccess}, incomplete) partitions are allowed: then
   * {@link #select} returns what exists and the selection names what was missing; otherwise it throws
   * {@link MissingPartitionsException}.
   */
  public DatePartitions withAllowMissing(boolean allow) {
    return new DatePartitions(from, to, lateDays, allow, requireSuccess, hours);
  }

  /** Whether a partition without a {@code _SUCCESS} file counts as missing (reported as incomplete). */
  public DatePartitions withRequireSuccess(boolean require) {
    return new DatePartitions(from, to, lateDays, allowMissing, require, hours);
  }

  /** Whether to select the {@code hr=00}..{@code hr=23} subdirectories of each partition (raw events). */
  public DatePartitions withHours(boolean selectHours) {
    return new DatePartitions(from, to, lateDays, allowMissing, requireSuccess, selectHours);
  }

  /** First date of the requested range. */
  public LocalDate from() {
    return from;
  }

  /** Last date of the requested range, without the late window. */
  public LocalDate to() {
    return to;
  }

  public int lateDays() {
    return lateDays;
  }

  public boolean allowMissing() {
    return allowMissing;
  }

  public boolean requireSuccess() {
    return requireSuccess;
  }

  public boolean hours() {
    return hours;
  }

  /** Last date read: {@code to + lateDays}. */
  public LocalDate lastDate() {
    return to.plusDays(lateDays);
  }

  /** Every date read, in order: {@code from .. to + lateDays}. */
  public List<LocalDate> dates() {
    return from.datesUntil(lastDate().plusDays(1)).toList();
  }

  /**
   * Lists {@code dataset} and returns its partitions for {@link #dates()}, in date order.
   *
   * <p>A date whose {@code dt=} directory does not exist is missing; with {@link #withRequireSuccess} a
   * directory without a {@code _SUCCESS} file is incomplete, and so not selected either. A dataset
   * directory that does not exist has every date missing. Hidden entries, {@code dt=} names that are no
   * valid date, and (with hours) {@code hr=} names that are no hour 00..23 are never selected; the
   * selection lists them in {@link PartitionSelection#ignored()}. The result is a snapshot: a partition
   * published or replaced during the call may be seen before or after.
   *
   * @throws MissingPartitionsException when a date is missing or incomplete and missing partitions are not
   *     allowed; it names every such date and carries the selection
   * @throws PathIsNotDirectoryException when {@code dataset} is a file
   */
  public PartitionSelection select(FileSystem fs, Path dataset) throws IOException {
    Objects.requireNonNull(fs, "fs");
    Objects.requireNonNull(dataset, "dataset");
    Path qualified = fs.makeQualified(dataset);
    List<IgnoredEntry> ignored = new ArrayList<>();
    Map<LocalDate, FileStatus> found = new HashMap<>();
    boolean datasetExists = true;
    FileStatus[] entries;
    try {
      FileStatus status = fs.getFileStatus(qualified);
      if (!status.isDirectory()) {
        throw new PathIsNotDirectoryException(qualified.toString());
      }
      entries = fs.listStatus(qualified);
    } catch (FileNotFoundException e) {
      datasetExists = false;
      entries = new FileStatus[0];
    }
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (PartitionNames.isHidden(name)) {
        ignored.add(new IgnoredEntry(entry.getPath(), IgnoredEntry.Reason.HIDDEN));
      } else if (!PartitionNames.isDateName(name)) {
        ignored.add(new IgnoredEntry(entry.getPath(), IgnoredEntry.Reason.UNEXPECTED));
      } else {
        Optional<LocalDate> date = PartitionNames.parseDate(name);
        if (date.isEmpty()) {
          ignored.add(new IgnoredEntry(entry.getPath(), IgnoredEntry.Reason.INVALID_DATE));
        } else if (!entry.isDirectory()) {
          ignored.add(new IgnoredEntry(entry.getPath(), IgnoredEntry.Reason.NOT_A_DIRECTORY));
        } else {
          found.put(date.get(), entry);
        }
      }
    }

    List<DatePartition> partitions = new ArrayList<>();
    List<LocalDate> missing = new ArrayList<>();
    List<LocalDate> incomplete = new ArrayList<>();
    for (LocalDate date : dates()) {
      FileStatus dir = found.get(date);
      Optional<DatePartition> partition = dir == null ? Optional.empty() : inspect(fs, date, dir.getPath(), ignored);
      if (partition.isEmpty()) {
        missing.add(date);
      } else if (requireSuccess && !partition.get().complete()) {
        incomplete.add(date);
      } else {
        partitions.add(partition.get());
      }
    }
    ignored.sort(Comparator.comparing(e -> e.path().toString()));
    PartitionSelection selection = new PartitionSelection(this, qualified, datasetExists, partitions, missing,
        incomplete, ignored);
    if (!allowMissing && !selection.isComplete()) {
      throw new MissingPartitionsException(selection);
    }
    return selection;
  }

  /** Reads one partition directory; empty when it vanished since the dataset was listed. */
  private Optional<DatePartition> inspect(FileSystem fs, LocalDate date, Path dir, List<IgnoredEntry> ignored)
      throws IOException {
    if (!hours) {
      boolean complete;
      try {
        complete = fs.getFileStatus(new Path(dir, PartitionNames.SUCCESS_MARKER)).isFile();
      } catch (FileNotFoundException e) {
        complete = false;
      }
      return Optional.of(new DatePartition(date, dir, complete, List.of()));
    }
    FileStatus[] entries;
    try {
      entries = fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
    boolean complete = false;
    List<HourPartition> hourDirs = new ArrayList<>();
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (name.equals(PartitionNames.SUCCESS_MARKER) && entry.isFile()) {
        complete = true;
      } else if (PartitionNames.isHidden(name)) {
        ignored.add(new IgnoredEntry(entry.getPath(), IgnoredEntry.Reason.HIDDEN));
      } else if (!PartitionNames.isHourName(name)) {
        ignored.add(new IgnoredEntry(entry.getPath(), IgnoredEntry.Reason.UNEXPECTED));
      } else {
        OptionalInt hour = PartitionNames.parseHour(name);
        if (hour.isEmpty()) {
          ignored.add(new IgnoredEntry(entry.getPath(), IgnoredEntry.Reason.INVALID_HOUR));
        } else if (!entry.isDirectory()) {
          ignored.add(new IgnoredEntry(entry.getPath(), IgnoredEntry.Reason.NOT_A_DIRECTORY));
        } else {
          hourDirs.add(new HourPartition(hour.getAsInt(), entry.getPath()));
        }
      }
    }
    hourDirs.sort(Comparator.comparingInt(HourPartition::hour));
    return Optional.of(new DatePartition(date, dir, complete, hourDirs));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("dt=").append(from);
    if (!to.equals(from)) {
      text.append("..").append(to);
    }
    if (lateDays > 0) {
      text.append(" + ").append(lateDays).append(lateDays == 1 ? " late day" : " late days");
    }
    return text.toString();
  }
}
