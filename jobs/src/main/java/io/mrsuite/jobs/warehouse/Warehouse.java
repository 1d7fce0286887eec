package io.mrsuite.jobs.warehouse;

import io.mrsuite.formats.partition.PartitionNames;
import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/** The warehouse layout of DATA-CONTRACT.md section 1, under one root: where each {@link Dataset} lives. */
public final class Warehouse {
  private final Path root;

  public Warehouse(Path root) {
    this.root = root;
  }

  /** {@code <zone>}: the zone's datasets are below it. */
  public Path zone(Zone zone) {
    return new Path(root, zone.dir());
  }

  /** {@code <zone>/<dataset>}: the dataset's partitions are below it. */
  public Path dataset(Dataset dataset) {
    return new Path(zone(dataset.zone()), dataset.dir());
  }

  /** {@code <zone>/<dataset>/dt=D}. */
  public Path partition(Dataset dataset, LocalDate date) {
    return new Path(dataset(dataset), PartitionNames.dateName(date));
  }

  /** {@code quarantine/<dataset>/dt=D}: the records the writer of the dataset's partition of D rejected. */
  public Path quarantine(Dataset dataset, LocalDate date) {
    return new Path(new Path(zone(Zone.QUARANTINE), dataset.dir()), PartitionNames.dateName(date));
  }
}
