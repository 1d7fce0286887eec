package io.mrsuite.jobs.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file that says a day is in a mart's table: {@code <root>/tables/_commits/<table>/dt=X/_SUCCESS}, holding the
 * snapshot id, run and counts of the commit.
 *
 * <p>Oozie has no Iceberg dataset type; a coordinator waits on this file instead. A run deletes it before its job
 * starts and writes it after its commit, so it exists only while the day's last run is the one committed.
 */
public final class CommitMarker {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommitMarker() {
  }

  /** The marker of {@code mart}'s day {@code date} under warehouse {@code root}. */
  public static Path of(Path root, Dataset mart, LocalDate date) {
    return new Path(new Path(new Path(new Path(root, TableCatalog.TABLES_DIR), TableCatalog.COMMITS_DIR),
        mart.dir()), "dt=" + date + "/_SUCCESS");
  }

  public static void delete(FileSystem fs, Path marker) throws IOException {
    if (!fs.delete(marker, false) && fs.exists(marker)) {
      throw new IOException("could not delete the table commit marker " + marker);
    }
  }

  public static void write(FileSystem fs, Path marker, MartTable.CommittedDay day, String runId) throws IOException {
    byte[] content = JSON.writeValueAsBytes(JSON.createObjectNode().put("table", day.table())
        .put("snapshot_id", day.snapshotId()).put("run_id", runId).put("files", day.files()).put("rows", day.rows())
        .put("committed", Instant.now().toString()));
    try (OutputStream out = fs.create(marker, true)) {
      out.write(content);
    }
  }
}
