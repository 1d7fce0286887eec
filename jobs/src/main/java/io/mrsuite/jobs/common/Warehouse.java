package io.mrsuite.jobs.common;

import io.mrsuite.formats.partition.PartitionNames;
import java.time.LocalDate;
import org.apache.hadoop.fs.Path;

/** The warehouse layout of DATA-CONTRACT.md section 1, under one root. */
public final class Warehouse {
  private final Path root;

  public Warehouse(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** {@code raw/<dataset>}: the dataset's partitions are below it. */
  public Path rawDataset(String dataset) {
    return new Path(new Path(root, "raw"), dataset);
  }

  /** {@code curated/<dataset>}: the dataset's partitions are below it. */
  public Path curatedDataset(String dataset) {
    return new Path(new Path(root, "curated"), dataset);
  }

  /** {@code raw/<dataset>/dt=D}. */
  public Path raw(String dataset, LocalDate date) {
    return partition("raw", dataset, date);
  }

  /** {@code curated/<dataset>/dt=D}. */
  public Path curated(String dataset, LocalDate date) {
    return partition("curated", dataset, date);
  }

  /** {@code quarantine/<dataset>/dt=D}. */
  public Path quarantine(String dataset, LocalDate date) {
    return partition("quarantine", dataset, date);
  }

  /** {@code marts/<table>}: the table's partitions are below it. */
  public Path martTable(String table) {
    return new Path(new Path(root, "marts"), table);
  }

  /** {@code marts/<table>/dt=X}. */
  public Path mart(String table, LocalDate date) {
    return partition("marts", table, date);
  }

  private Path partition(String zone, String dataset, LocalDate date) {
    return new Path(new Path(new Path(root, zone), dataset), PartitionNames.dateName(date));
  }
}
