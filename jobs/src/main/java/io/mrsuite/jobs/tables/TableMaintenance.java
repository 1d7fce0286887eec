package io.mrsuite.jobs.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.ExpireSnapshots;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.PartitionStatisticsFile;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Keeps one table's storage bounded: compacts days of several files, expires old snapshots (Iceberg deletes the
 * files only they held) and removes orphan files, those under the table's location that no metadata reaches, e.g.
 * the copies of a run killed before its commit.
 *
 * <p>A file younger than the orphan age is never removed: it may belong to a commit in flight.
 */
public final class TableMaintenance {
  private final Configuration conf;

  public TableMaintenance(Configuration conf) {
    this.conf = conf;
  }

  /**
   * What one pass did (or, in a dry run, would do: then no file of an expired snapshot is counted, and the
   * compaction's rows are not read).
   */
  public record Result(TableCompaction.Result compacted, int snapshotsExpired, int filesOfExpiredSnapshots,
      List<Path> orphans) {
  }

  /**
   * Compacts the days that hold several files ({@link TableCompaction}), expires the snapshots older than
   * {@code keep} but the current one, then removes orphans older than {@code orphanAge}; a dry run only counts.
   *
   * @param runId names the compacted files
   */
  public Result maintain(Table table, String runId, Duration keep, Duration orphanAge, boolean dryRun)
      throws IOException {
    Instant now = Instant.now();
    TableCompaction.Result compacted = dryRun ? planned(table) : TableCompaction.compact(table, runId);
    int before = size(table.snapshots());
    AtomicInteger deleted = new AtomicInteger();
    ExpireSnapshots expire = table.expireSnapshots().expireOlderThan(now.minus(keep).toEpochMilli()).retainLast(1)
        .deleteWith(location -> {
          table.io().deleteFile(location);
          deleted.incrementAndGet();
        });
    // apply() lists the snapshots the expiry would remove.
    int expired = dryRun ? expire.apply().size() : before - commit(expire, table);
    List<Path> orphans = orphans(table, now.minus(orphanAge));
    if (!dryRun) {
      for (Path orphan : orphans) {
        orphan.getFileSystem(conf).delete(orphan, false);
      }
    }
    return new Result(compacted, expired, deleted.get(), orphans);
  }

  private static TableCompaction.Result planned(Table table) throws IOException {
    Map<Integer, List<DataFile>> days = TableCompaction.plan(table);
    return new TableCompaction.Result(days.size(), days.values().stream().mapToInt(List::size).sum(), 0);
  }

  private static int commit(ExpireSnapshots expire, Table table) {
    expire.commit();
    table.refresh();
    return size(table.snapshots());
  }

  /** Files under the table's location older than {@code before} that its metadata does not reach. */
  List<Path> orphans(Table table, Instant before) throws IOException {
    Set<String> reachable = reachable(table);
    Path location = new Path(table.location());
    FileSystem fs = location.getFileSystem(conf);
    List<Path> orphans = new ArrayList<>();
    if (!fs.exists(location)) {
      return orphans;
    }
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(location, true);
    while (files.hasNext()) {
      LocatedFileStatus file = files.next();
      if (file.getModificationTime() < before.toEpochMilli() && !reachable.contains(key(file.getPath().toString()))) {
        orphans.add(file.getPath());
      }
    }
    return orphans;
  }

  /** Every file the table's metadata names: metadata files, manifest lists, manifests, data and statistics. */
  private static Set<String> reachable(Table table) {
    Set<String> reachable = new HashSet<>();
    ReachableFileUtil.metadataFileLocations(table, true).forEach(location -> reachable.add(key(location)));
    reachable.add(key(((HasTableOperations) table).operations().current().metadataFileLocation()));
    reachable.add(key(ReachableFileUtil.versionHintLocation(table)));
    ReachableFileUtil.manifestListLocations(table).forEach(location -> reachable.add(key(location)));
    ReachableFileUtil.statisticsFilesLocations(table).forEach(location -> reachable.add(key(location)));
    for (PartitionStatisticsFile file : table.partitionStatisticsFiles()) {
      reachable.add(key(file.path()));
    }
    for (Snapshot snapshot : table.snapshots()) {
      for (ManifestFile manifest : snapshot.allManifests(table.io())) {
        reachable.add(key(manifest.path()));
        if (manifest.content() == ManifestContent.DATA) {
          try (CloseableIterable<String> paths = ManifestFiles.readPaths(manifest, table.io(), table.specs())) {
            paths.forEach(path -> reachable.add(key(path)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        } else {
          // Delete files are not written by mrsuite; removing them unread could resurrect deleted rows.
          throw new IllegalStateException("table " + table.name() + " has delete manifests, which orphan"
              + " removal does not read; nothing was removed");
        }
      }
    }
    return reachable;
  }

  /** A location without scheme and authority: {@code file:/a}, {@code file:///a} and {@code /a} are one file. */
  private static String key(String location) {
    return Path.getPathWithoutSchemeAndAuthority(new Path(location)).toString();
  }

  private static int size(Iterable<Snapshot> snapshots) {
    int count = 0;
    for (Snapshot ignored : snapshots) {
      count++;
    }
    return count;
  }
}
