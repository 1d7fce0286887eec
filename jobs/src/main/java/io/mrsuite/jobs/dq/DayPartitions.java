package io.mrsuite.jobs.dq;

import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.run.PartitionPointer;
import io.mrsuite.jobs.run.PublishedPartition;
import io.mrsuite.jobs.warehouse.Warehouse;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Every {@code dt=D} partition of the curated, quarantine and marts zones, complete or not. */
final class DayPartitions {
  /** The zones a day's datasets live in, in the order the report lists them. */
  static final List<Zone> ZONES = List.of(Zone.CURATED, Zone.QUARANTINE, Zone.MARTS);

  private DayPartitions() {
  }

  static List<DayPartition> find(FileSystem fs, Path root, LocalDate date) throws IOException {
    List<DayPartition> partitions = new ArrayList<>();
    String partitionName = PartitionNames.dateName(date);
    Warehouse warehouse = new Warehouse(root);
    for (Zone zone : ZONES) {
      Path zoneDir = warehouse.zone(zone);
      if (!fs.exists(zoneDir)) {
        continue;
      }
      FileStatus[] datasets = fs.listStatus(zoneDir, p -> !isHidden(p.getName()));
      Arrays.sort(datasets);
      for (FileStatus dataset : datasets) {
        Path partition = new Path(dataset.getPath(), partitionName);
        if (dataset.isDirectory() && fs.isDirectory(partition)) {
          boolean complete = PublishedPartition.complete(fs, partition) && pairedRun(fs, warehouse, zone,
              dataset.getPath().getName(), partitionName);
          partitions.add(new DayPartition(zone, dataset.getPath().getName(), partition,
              PartitionPointer.dataDir(fs, partition), complete));
        }
      }
    }
    return partitions;
  }

  /**
   * A curated partition and its quarantine twin (same dataset folder, same day) count as complete only when
   * one run wrote both: a publish cut between them leaves a day that must be ingested again.
   */
  private static boolean pairedRun(FileSystem fs, Warehouse warehouse, Zone zone, String dataset,
      String partitionName) throws IOException {
    if (zone != Zone.CURATED && zone != Zone.QUARANTINE) {
      return true;
    }
    Path curated = new Path(new Path(warehouse.zone(Zone.CURATED), dataset), partitionName);
    Path quarantine = new Path(new Path(warehouse.zone(Zone.QUARANTINE), dataset), partitionName);
    return !fs.exists(curated) || !fs.exists(quarantine) || PublishedPartition.sameRun(fs, curated, quarantine);
  }

  // Staging and set-aside directories of running or failed jobs start with '_' (PartitionPublisher).
  private static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }
}
