package io.mrsuite.jobs.tables;

import static io.mrsuite.jobs.tables.RevenuePartitions.DAY;
import static io.mrsuite.jobs.tables.RevenuePartitions.MART;
import static io.mrsuite.jobs.tables.RevenuePartitions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableMaintenanceTest {
  private static final Duration ORPHAN_AGE = Duration.ofHours(72);

  @TempDir
  java.nio.file.Path dir;

  private LocalCatalog local;

  @BeforeEach
  void openCatalog() throws IOException {
    local = new LocalCatalog(dir);
  }

  @AfterEach
  void closeCatalog() throws IOException {
    local.close();
  }

  @Test
  void expiryDeletesReplacedFilesOfExpiredSnapshotsAndOrphanRemovalOnlyOldUnreachableOnes() throws IOException {
    for (int run = 1; run <= 3; run++) {
      Path partition = RevenuePartitions.write(local.conf, local.root, "run" + run, List.of(row("DE", run,
          run + ".00")));
      MartTable.begin(local.catalog, MART).replaceDay(local.catalog, DAY, local.fs, partition, "run" + run, local.conf);
    }
    Table table = local.revenueDaily();
    Path data = new Path(table.location(), "data/event_date=" + DAY);
    List<Path> copies = files(data);
    assertEquals(3, copies.size());
    Path killedRunsCopy = new Path(data, "killed-part-r-00000.parquet");
    local.fs.copyFromLocalFile(false, true, copies.get(0), killedRunsCopy);
    local.fs.setTimes(killedRunsCopy, System.currentTimeMillis() - ORPHAN_AGE.toMillis() - 60_000, -1);
    Path inFlightCopy = new Path(data, "inflight-part-r-00000.parquet");
    local.fs.copyFromLocalFile(false, true, copies.get(0), inFlightCopy);
    TableMaintenance maintenance = new TableMaintenance(local.conf);

    TableMaintenance.Result dryRun = maintenance.maintain(table, "m1", Duration.ZERO, ORPHAN_AGE, true);

    assertEquals(2, dryRun.snapshotsExpired());
    assertEquals(List.of(killedRunsCopy.getName()), names(dryRun.orphans()));
    assertEquals(5, files(data).size(), "a dry run deletes nothing");
    assertEquals(3, count(local.revenueDaily().snapshots()));

    TableMaintenance.Result done = maintenance.maintain(table, "m1", Duration.ZERO, ORPHAN_AGE, false);

    assertEquals(2, done.snapshotsExpired());
    assertEquals(List.of(killedRunsCopy.getName()), names(done.orphans()));
    Table after = local.revenueDaily();
    assertEquals(1, count(after.snapshots()));
    List<String> current = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = after.newScan().planFiles()) {
      tasks.forEach(task -> current.add(new Path(task.file().location()).getName()));
    }
    assertEquals(List.of("run3-part-r-00000.parquet"), current);
    // Iceberg deletes a replaced file when the snapshot that replaced it expires: run1's went with snapshot 2;
    // run2's, replaced by the current snapshot, stays until that one expires too.
    assertEquals(List.of("inflight-part-r-00000.parquet", "run2-part-r-00000.parquet", "run3-part-r-00000.parquet"),
        names(files(data)));
    assertTrue(done.filesOfExpiredSnapshots() >= 2, "run1's copy and the expired snapshots' manifests: "
        + done.filesOfExpiredSnapshots());
    for (Path orphan : done.orphans()) {
      assertFalse(local.fs.exists(orphan));
    }
    assertEquals(List.of(), maintenance.maintain(after, "m2", Duration.ZERO, ORPHAN_AGE, false).orphans(),
        "the metadata of the current snapshot is reachable");
  }

  private List<Path> files(Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    for (var status : local.fs.listStatus(directory)) {
      files.add(status.getPath());
    }
    return files;
  }

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(Path::getName).sorted().toList();
  }

  private static int count(Iterable<?> items) {
    int count = 0;
    for (Object ignored : items) {
      count++;
    }
    return count;
  }
}
