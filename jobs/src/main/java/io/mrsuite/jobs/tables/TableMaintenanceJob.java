package io.mrsuite.jobs.tables;

import io.mrsuite.jobs.tool.JobOptions;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.tool.UsageException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * {@code maintain-tables}: for every mart table, after compaction: days of several files rewritten into one
 * (through Iceberg's RewriteFiles), snapshot expiry and orphan-file removal.
 *
 * <p>Snapshots older than {@code --keep-days} are expired, always keeping the current one; a reader still on an
 * expired snapshot loses its files, so the window must outlast the longest query. Orphans must be older than
 * {@code --orphan-age-hours}, longer than any mart run, whose copies are orphans until it commits. Without a
 * configured catalog there are no tables, and it says so and succeeds.
 */
public class TableMaintenanceJob extends MrSuiteTool {
  public static final String NAME = "maintain-tables";
  public static final int DEFAULT_KEEP_DAYS = 7;
  public static final int DEFAULT_ORPHAN_AGE_HOURS = 72;

  @Override
  protected JobOptions options() {
    return new JobOptions(NAME, "--root ROOT [--keep-days N] [--orphan-age-hours H] [--dry-run]")
        .option("root", "ROOT", "warehouse root whose tables the catalog holds (-D mrsuite.tables.catalog.*)")
        .option("keep-days", "N", "expire snapshots older than N days, never the current one (default "
            + DEFAULT_KEEP_DAYS + ")")
        .option("orphan-age-hours", "H", "remove unreferenced files only when older than H hours (default "
            + DEFAULT_ORPHAN_AGE_HOURS + ")")
        .flag("dry-run", "say what would be expired and removed; change nothing");
  }

  @Override
  protected int run(JobOptions.Parsed options) throws UsageException, IOException {
    Path root = new Path(options.required("root"));
    Duration keep = Duration.ofDays(options.intValue("keep-days", DEFAULT_KEEP_DAYS, 0));
    Duration orphanAge = Duration.ofHours(options.intValue("orphan-age-hours", DEFAULT_ORPHAN_AGE_HOURS, 1));
    boolean dryRun = options.has("dry-run");
    Optional<Catalog> catalog = TableCatalog.open(getConf(), root);
    PrintStream out = System.out;
    if (catalog.isEmpty()) {
      // The compact workflow runs this on every cluster, with tables or without.
      out.println(NAME + ": tables are off (no " + TableCatalog.PROPERTIES_PREFIX + "type); nothing to maintain");
      return 0;
    }
    TableMaintenance maintenance = new TableMaintenance(getConf());
    String runId = UUID.randomUUID().toString();
    try {
      for (Dataset mart : Dataset.inZone(Zone.MARTS)) {
        if (!catalog.get().tableExists(MartTable.identifier(mart))) {
          continue;
        }
        Table table = catalog.get().loadTable(MartTable.identifier(mart));
        TableMaintenance.Result result = maintenance.maintain(table, runId, keep, orphanAge, dryRun);
        TableCompaction.Result compacted = result.compacted();
        String files = dryRun ? "" : " (" + result.filesOfExpiredSnapshots() + " file"
            + plural(result.filesOfExpiredSnapshots()) + " deleted)";
        out.printf("%s %s: %s %d day%s of several files (%d files), %s %d snapshot%s%s, %s %d orphan file%s%n", NAME,
            table.name(), dryRun ? "would compact" : "compacted", compacted.days(), plural(compacted.days()),
            compacted.filesBefore(), dryRun ? "would expire" : "expired", result.snapshotsExpired(),
            plural(result.snapshotsExpired()), files, dryRun ? "would remove" : "removed", result.orphans().size(),
            plural(result.orphans().size()));
        for (Path orphan : result.orphans()) {
          out.println("  orphan: " + orphan);
        }
      }
    } finally {
      TableCatalog.close(catalog.get());
    }
    return 0;
  }

  private static String plural(int count) {
    return count == 1 ? "" : "s";
  }

  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new TableMaintenanceJob(), args));
  }
}
