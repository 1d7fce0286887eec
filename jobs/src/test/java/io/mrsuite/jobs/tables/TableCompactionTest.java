package io.mrsuite.jobs.tables;

import static io.mrsuite.jobs.tables.RevenuePartitions.DAY;
import static io.mrsuite.jobs.tables.RevenuePartitions.MART;
import static io.mrsuite.jobs.tables.RevenuePartitions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.run.JobFailedException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.ParquetSchemaUtil;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCompactionTest {
  private static final LocalDate NEXT_DAY = DAY.plusDays(1);

  @TempDir
  java.nio.file.Path dir;

  private LocalCatalog local;

  @BeforeEach
  void twoDaysTheFirstOfTwoFiles() throws IOException {
    local = new LocalCatalog(dir);
    Path twoFiles = RevenuePartitions.write(local.conf, local.root, "two", List.of(row("DE", 3, "12.50"),
        row("FR", 2, "7.25")));
    RevenuePartitions.writeFile(local.conf, new Path(twoFiles, "part-r-00001.parquet"), List.of(row(null, 1, "0.10")),
        MART.schema().orElseThrow());
    MartTable.begin(local.catalog, MART).replaceDay(local.catalog, DAY, local.fs, twoFiles, "run1", local.conf);
    Path oneFile = RevenuePartitions.write(local.conf, local.root, "one", List.of(row("AT", 1, "1.00", NEXT_DAY)));
    MartTable.begin(local.catalog, MART).replaceDay(local.catalog, NEXT_DAY, local.fs, oneFile, "run2", local.conf);
  }

  @AfterEach
  void close() throws IOException {
    local.close();
  }

  @Test
  void aDayOfSeveralFilesBecomesOneFileWithTheSameRowsAndFieldIds() throws IOException {
    Map<String, String> before = local.revenueRows(local.revenueDaily());
    assertEquals(1, TableCompaction.plan(local.revenueDaily()).size());

    TableCompaction.Result result = TableCompaction.compact(local.revenueDaily(), "maint1");

    assertEquals(new TableCompaction.Result(1, 2, 3), result);
    Table table = local.revenueDaily();
    assertEquals(before, local.revenueRows(table));
    assertEquals("replace", table.currentSnapshot().operation());
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        String name = new Path(task.file().location()).getName();
        files.add(name);
        if (name.startsWith("maint1-")) {
          try (ParquetFileReader reader = ParquetFileReader.open(
              org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new Path(task.file().location()), local.conf))) {
            assertTrue(ParquetSchemaUtil.hasIds(reader.getFooter().getFileMetaData().getSchema()), name);
          }
        }
      }
    }
    files.sort(null);
    assertEquals(List.of("maint1-compacted.parquet", "run2-part-r-00000.parquet"), files);
    assertEquals(new TableCompaction.Result(0, 0, 0), TableCompaction.compact(table, "maint2"), "nothing left to do");
  }

  @Test
  void aDayReplacedWhileItIsCompactedFailsTheRewriteAndKeepsTheNewDay() throws IOException {
    Table planned = local.revenueDaily();
    MartTable.begin(local.catalog, MART).replaceDay(local.catalog, DAY, local.fs, RevenuePartitions.write(local.conf,
        local.root, "rerun", List.of(row("DE", 9, "9.00"))), "run3", local.conf);

    JobFailedException failed = assertThrows(JobFailedException.class, () -> TableCompaction.compact(planned,
        "maint1"));

    assertTrue(failed.getMessage().startsWith("table " + planned.name() + ": a day was replaced while it was being"
        + " compacted; nothing committed"), failed.getMessage());
    assertEquals(Map.of("DE", "9 9.00", "AT", "1 1.00"), local.revenueRows(local.revenueDaily()));
    assertFalse(local.fs.exists(new Path(planned.location(), "data/event_date=" + DAY + "/maint1-compacted.parquet")),
        "the rewrite's file is left behind");
  }
}
