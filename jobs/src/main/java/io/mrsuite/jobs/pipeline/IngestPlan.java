package io.mrsuite.jobs.pipeline;

import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.run.PublishedPartition;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Warehouse;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Decides which arrival dates the pipeline ingests before it builds the marts of event date X.
 *
 * <p>The candidates are X .. X + late_days. A date whose four curated partitions are complete is kept as it
 * is, unless forced. One with any of them missing or incomplete is ingested from its raw partitions. A date
 * that has neither its raw partitions nor complete curated ones stops the pipeline before anything runs,
 * since the marts workflow would fail on it (dedup-events needs every arrival day, revenue-daily every export
 * day).
 *
 * <p>Unlike the ingest coordinator, which waits for each lander's {@code _SUCCESS}, a local run takes a raw
 * partition that exists as landed: whoever starts it says the data is there.
 */
final class IngestPlan {
  /** What the ingest workflow's four jobs read, under raw/: all must exist for a date to be ingested. */
  static final List<Dataset> RAW_DATASETS = Dataset.inZone(Zone.RAW);
  /** What they write, under curated/. */
  static final List<Dataset> CURATED_DATASETS = List.of(Dataset.EVENTS, Dataset.ORDERS, Dataset.PRODUCTS,
      Dataset.FX_RATES);

  /** One arrival date's decision and why, for the printed plan. */
  record ArrivalDate(LocalDate date, boolean ingest, String why) {
  }

  private IngestPlan() {
  }

  static List<ArrivalDate> plan(FileSystem fs, Warehouse warehouse, LocalDate eventDate, int lateDays,
      boolean force) throws IOException, JobFailedException {
    List<ArrivalDate> plan = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int day = 0; day <= lateDays; day++) {
      LocalDate date = eventDate.plusDays(day);
      List<String> missingRaw = missing(fs, RAW_DATASETS, dataset -> warehouse.partition(dataset, date));
      List<String> incomplete = incomplete(fs, warehouse, date);
      if (incomplete.isEmpty() && (!force || !missingRaw.isEmpty())) {
        plan.add(new ArrivalDate(date, false, "curated partitions complete"
            + (force ? ", raw partitions missing " + missingRaw : ", kept (--force ingests again)")));
      } else if (missingRaw.isEmpty()) {
        plan.add(new ArrivalDate(date, true, force ? "forced" : "curated partitions missing or incomplete "
            + incomplete));
      } else {
        problems.add(date + ": raw partitions missing " + missingRaw + " and curated partitions missing or "
            + "incomplete " + incomplete);
      }
    }
    if (!problems.isEmpty()) {
      throw new JobFailedException("cannot build the marts of " + eventDate + " (arrivals " + eventDate + " .. "
          + eventDate.plusDays(lateDays) + "): " + String.join("; ", problems));
    }
    return plan;
  }

  /** The partition of a dataset for the date being planned. */
  private interface PartitionOf {
    Path of(Dataset dataset);
  }

  /** The datasets whose partition is absent. */
  private static List<String> missing(FileSystem fs, List<Dataset> datasets, PartitionOf partition)
      throws IOException {
    List<String> missing = new ArrayList<>();
    for (Dataset dataset : datasets) {
      if (!fs.exists(partition.of(dataset))) {
        missing.add(dataset.dir());
      }
    }
    return missing;
  }

  /**
   * The curated datasets of the date not ready to read: absent, incomplete or being published, or whose
   * quarantine partition is missing or from another run (a publish cut between the two).
   */
  private static List<String> incomplete(FileSystem fs, Warehouse warehouse, LocalDate date) throws IOException {
    List<String> incomplete = new ArrayList<>();
    for (Dataset dataset : CURATED_DATASETS) {
      Path curated = warehouse.partition(dataset, date);
      if (!PublishedPartition.complete(fs, curated)) {
        incomplete.add(dataset.dir());
      } else if (dataset.quarantined() && !PublishedPartition.sameRun(fs, curated,
          warehouse.quarantine(dataset, date))) {
        incomplete.add(dataset.dir() + " (its quarantine is not from the same run)");
      }
    }
    return incomplete;
  }
}
