package io.mrsuite.bench.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.bench.MartComparison;
import io.mrsuite.bench.MartDifference;
import io.mrsuite.formats.partition.PartitionNames;
import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.gendata.GenDataJob;
import io.mrsuite.jobs.gendata.GenDataKeys;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB peer against our pipeline on a warehouse gen-data writes here, with every kind of bad record it
 * plants: MartComparison finds no difference between their marts of the first day, and finds the one row
 * of ours that is then altered.
 */
@Timeout(300)
class DuckDbDayAgainstPipelineTest {
  private static final int EVENTS_PER_DAY = 20_000;
  private static final long SEED = 18;
  /** Three shards, so that shard 1's events are gzip files. */
  private static final int SHARDS = 3;
  private static final int THREADS = 2;
  private static final LocalDate DAY = GenDataKeys.DEFAULT_START_DATE;

  @TempDir
  static Path root;

  @BeforeAll
  static void generateAndRunThePipelineAndThePeer() throws Exception {
    run(new GenDataJob(), "--root", root.toString(), "--days", Integer.toString(Dataset.DEFAULT_LATE_DAYS + 1),
        "--events-per-day", Integer.toString(EVENTS_PER_DAY), "--seed", Long.toString(SEED), "--shards",
        Integer.toString(SHARDS));
    // The sample's thresholds: a day this small has a few bad orders too many for production's 2%.
    run(new MrSuiteDriver.Pipeline(), "--root", root.toString(), "--date", DAY.toString(), "--dq-thresholds",
        "../test-data/dq-thresholds.properties", "--apps", "../oozie/apps", "--parallel", "2");
    new DuckDbDay(root, DAY, Dataset.DEFAULT_LATE_DAYS, THREADS).run(peer());
  }

  @Test
  void thePeersMartsEqualOurs() throws Exception {
    List<MartDifference> differences = new MartComparison().differences(ours(), peer(), DAY);

    assertEquals(List.of(), differences,
        differences.stream().map(MartDifference::describe).collect(Collectors.joining("\n")));
  }

  @Test
  void oneAlteredRowOfOursIsFound() throws Exception {
    String table = Dataset.PRODUCT_DAILY.dir();
    Path altered = root.resolve("altered");
    Path partition = altered.resolve(table).resolve(PartitionNames.dateName(DAY));
    Files.createDirectories(partition);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = db.createStatement()) {
      statement.execute("CREATE TABLE ours AS SELECT * FROM read_parquet('"
          + ours().resolve(table).resolve(PartitionNames.dateName(DAY)).resolve("part-*.parquet")
          + "', hive_partitioning = false)");
      statement.execute("COPY (SELECT * REPLACE (CASE WHEN product_id = (SELECT min(product_id) FROM ours)"
          + " THEN views + 1 ELSE views END AS views) FROM ours) TO '" + partition.resolve("part-00000.parquet")
          + "' (FORMAT parquet)");
    }

    List<MartDifference> differences = new MartComparison(List.of(table)).differences(altered, peer(), DAY);

    assertEquals(1, differences.size(), differences.toString());
    assertEquals(1, differences.get(0).oursOnly(), differences.get(0).describe());
    assertEquals(1, differences.get(0).peerOnly(), differences.get(0).describe());
  }

  private static Path ours() {
    return root.resolve(Zone.MARTS.dir());
  }

  private static Path peer() {
    return root.resolve("duckdb");
  }

  private static void run(Tool tool, String... args) throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.set("hadoop.tmp.dir", root.resolve("hadoop-tmp").toString());
    assertEquals(0, ToolRunner.run(conf, tool, args), tool.getClass().getSimpleName());
  }
}
