package io.mrsuite.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arrival dates the pipeline ingests before the marts of X, on a local warehouse. */
class IngestPlanTest {
  private static final LocalDate X = LocalDate.parse("2026-11-20");
  private static final LocalDate NEXT = X.plusDays(1);

  @TempDir
  Path root;
  private FileSystem fs;
  private Warehouse warehouse;

  @BeforeEach
  void localFileSystem() throws IOException {
    fs = FileSystem.getLocal(new Configuration());
    warehouse = new Warehouse(new org.apache.hadoop.fs.Path(root.toUri()));
  }

  @Test
  void datesWithRawButNoCompleteCuratedPartitionsAreIngested() throws Exception {
    land(X);
    land(NEXT);
    curated(X, IngestPlan.CURATED_DATASETS);
    Files.delete(root.resolve("curated/orders/dt=2026-11-20/_SUCCESS"));

    assertEquals(List.of(
        new IngestPlan.ArrivalDate(X, true, "curated partitions missing or incomplete [orders]"),
        new IngestPlan.ArrivalDate(NEXT, true, "curated partitions missing or incomplete [events, orders, products, "
            + "fx_rates]")), IngestPlan.plan(fs, warehouse, X, 1, false));
  }

  @Test
  void completeDatesAreKeptUnlessForcedAndForcingNeedsTheirRawPartitions() throws Exception {
    land(X);
    curated(X, IngestPlan.CURATED_DATASETS);
    curated(NEXT, IngestPlan.CURATED_DATASETS);

    assertEquals(List.of(
        new IngestPlan.ArrivalDate(X, false, "curated partitions complete, kept (--force ingests again)"),
        new IngestPlan.ArrivalDate(NEXT, false, "curated partitions complete, kept (--force ingests again)")),
        IngestPlan.plan(fs, warehouse, X, 1, false));
    assertEquals(List.of(
        new IngestPlan.ArrivalDate(X, true, "forced"),
        new IngestPlan.ArrivalDate(NEXT, false, "curated partitions complete, raw partitions missing [events, orders, "
            + "order_lines, products, fx_rates]")),
        IngestPlan.plan(fs, warehouse, X, 1, true));
  }

  @Test
  void aCutPublishIsIncompleteWhateverMarkersItLeft() throws Exception {
    land(X);
    curated(X, IngestPlan.CURATED_DATASETS);
    // A killed ingest-events: its new quarantine published, its curated partition not yet.
    Files.writeString(root.resolve("quarantine/events/dt=2026-11-20/_manifest.json"), "{\"run_id\": \"newer\"}");
    // A killed ingest-products, between the renames of its publish.
    Files.writeString(root.resolve("curated/products/_publish.dt=2026-11-20.json"), "{}");

    assertEquals(List.of(new IngestPlan.ArrivalDate(X, true, "curated partitions missing or incomplete "
        + "[events (its quarantine is not from the same run), products]")), IngestPlan.plan(fs, warehouse, X, 0, false));
  }

  @Test
  void aDateWithNeitherStopsThePipelineNamingWhatIsMissing() throws Exception {
    land(X);
    Files.createDirectories(root.resolve("raw/events/dt=2026-11-21"));

    JobFailedException e = assertThrows(JobFailedException.class, () -> IngestPlan.plan(fs, warehouse, X, 1, false));
    assertEquals("cannot build the marts of 2026-11-20 (arrivals 2026-11-20 .. 2026-11-21): 2026-11-21: raw "
        + "partitions missing [orders, order_lines, products, fx_rates] and curated partitions missing or incomplete "
        + "[events, orders, products, fx_rates]", e.getMessage());
  }

  @Test
  void lateDaysZeroPlansTheEventDateAlone() throws Exception {
    land(X);
    assertEquals(List.of(X), IngestPlan.plan(fs, warehouse, X, 0, false).stream()
        .map(IngestPlan.ArrivalDate::date).toList());
  }

  private void land(LocalDate date) throws IOException {
    for (Dataset dataset : IngestPlan.RAW_DATASETS) {
      Files.createDirectories(root.resolve("raw/" + dataset.dir() + "/dt=" + date));
    }
  }

  /** Publishes the date's partitions of the datasets, as one run of each ingest does: curated and quarantine. */
  private void curated(LocalDate date, List<Dataset> datasets) throws IOException {
    for (Dataset dataset : datasets) {
      String manifest = "{\"run_id\": \"run-" + dataset.dir() + "-" + date + "\"}";
      Path partition = Files.createDirectories(root.resolve("curated/" + dataset.dir() + "/dt=" + date));
      Files.createFile(partition.resolve("_SUCCESS"));
      Files.writeString(partition.resolve("_manifest.json"), manifest);
      if (dataset.quarantined()) {
        Path quarantine = Files.createDirectories(root.resolve("quarantine/" + dataset.dir() + "/dt=" + date));
        Files.createFile(quarantine.resolve("_SUCCESS"));
        Files.writeString(quarantine.resolve("_manifest.json"), manifest);
      }
    }
  }
}
