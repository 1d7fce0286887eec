package io.mrsuite.jobs.dq;

import io.mrsuite.jobs.warehouse.Zone;
import org.apache.hadoop.fs.Path;

/**
 * One partition of the report's day: {@code <zone>/<name>/dt=D}.
 *
 * @param zone curated, quarantine or marts
 * @param name the dataset's folder in its zone
 * @param path the partition, {@code <zone>/<name>/dt=D}
 * @param data the directory holding its files: the partition, or on an object store the run directory its
 *     pointer names ({@link io.mrsuite.jobs.run.PartitionPointer})
 * @param complete whether it holds {@code _SUCCESS}, is not being published, and shares its run with its
 *     curated or quarantine twin ({@link io.mrsuite.jobs.run.PublishedPartition}); only complete partitions
 *     are profiled
 */
record DayPartition(Zone zone, String name, Path path, Path data, boolean complete) {
  /** The dataset label used throughout the report, e.g. {@code curated/events}. */
  String label() {
    return zone.dir() + "/" + name;
  }
}
