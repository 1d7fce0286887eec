package io.mrsuite.bench.duckdb;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the raw files the marts of one event date are built from (DATA-CONTRACT.md sections 1 and 4).
 *
 * <p>Events and orders of the partitions X .. X+late_days, the products and FX rates of X. Order lines are
 * left out: no mart reads them (revenue is an order's total). Hidden names ({@code _SUCCESS}, {@code .crc}
 * files) are not data. A missing partition is an error naming it, as the pipeline refuses to run without one.
 */
public final class RawInputs {
  private RawInputs() {
  }

  /**
   * @param root the warehouse root, a local directory
   * @param eventDate X
   * @param lateDays how many partitions after X still hold its events and orders
   */
  public static List<RawFile> of(Path root, LocalDate eventDate, int lateDays) throws IOException {
    List<Path> missing = new ArrayList<>();
    List<RawFile> files = new ArrayList<>();
    for (int day = 0; day <= lateDays; day++) {
      LocalDate date = eventDate.plusDays(day);
      Path events = partition(root, Dataset.RAW_EVENTS, date, missing);
      if (events != null) {
        for (Path hour : visible(events)) {
          if (Files.isDirectory(hour)) {
            add(files, Dataset.RAW_EVENTS, date, hour);
          }
        }
      }
      add(files, Dataset.RAW_ORDERS, date, partition(root, Dataset.RAW_ORDERS, date, missing));
    }
    add(files, Dataset.RAW_PRODUCTS, eventDate, partition(root, Dataset.RAW_PRODUCTS, eventDate, missing));
    add(files, Dataset.RAW_FX_RATES, eventDate, partition(root, Dataset.RAW_FX_RATES, eventDate, missing));
    if (!missing.isEmpty()) {
      throw new NoSuchFileException("raw partitions missing for event date " + eventDate + ": " + missing);
    }
    return files;
  }

  private static Path partition(Path root, Dataset dataset, LocalDate date, List<Path> missing) {
    Path partition = root.resolve(dataset.zone().dir()).resolve(dataset.dir()).resolve(PartitionNames.dateName(date));
    if (!Files.isDirectory(partition)) {
      missing.add(partition);
      return null;
    }
    return partition;
  }

  private static void add(List<RawFile> files, Dataset dataset, LocalDate date, Path directory) throws IOException {
    if (directory == null) {
      return;
    }
    for (Path file : visible(directory)) {
      if (Files.isRegularFile(file)) {
        files.add(new RawFile(dataset, date, file));
      }
    }
  }

  private static List<Path> visible(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(entry -> !PartitionNames.isHidden(entry.getFileName().toString())).sorted().toList();
    }
  }
}
