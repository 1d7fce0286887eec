package io.mrsuite.jobs.retention;

import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * A folder of date partitions a retention policy names: {@code zone/dataset}, e.g. {@code raw/events},
 * {@code quarantine/orders}, {@code reports/dq}. Its partitions are {@code <root>/<label>/dt=D}.
 */
public record RetainedDataset(String zone, String name) {
  /** The zone of the dq reports, {@code reports/dq/dt=D}, beside the data contract's four. */
  public static final String REPORTS = "reports";

  public String label() {
    return zone + "/" + name;
  }

  public Path dir(Path root) {
    return new Path(new Path(root, zone), name);
  }

  public static RetainedDataset of(Dataset dataset) {
    return new RetainedDataset(dataset.zone().dir(), dataset.dir());
  }

  /** Every dataset folder of the warehouse: the registry's datasets, their quarantines, and the dq reports. */
  public static List<RetainedDataset> all() {
    List<RetainedDataset> all = new ArrayList<>();
    for (Dataset dataset : Dataset.values()) {
      all.add(of(dataset));
    }
    for (Dataset dataset : Dataset.values()) {
      if (dataset.quarantined()) {
        all.add(new RetainedDataset(Zone.QUARANTINE.dir(), dataset.dir()));
      }
    }
    all.add(new RetainedDataset(REPORTS, "dq"));
    return all;
  }
}
