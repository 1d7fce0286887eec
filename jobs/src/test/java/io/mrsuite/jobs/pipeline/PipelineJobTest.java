package io.mrsuite.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.run.MartRows;
import io.mrsuite.jobs.tables.TableCatalog;
import io.mrsuite.jobs.tables.TableQueryJob;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline} in local mode on a copy of the sample warehouse's raw zone, as bin/run-sample runs it:
 * with the production thresholds the day is ingested and then KILLED at the dq gate with nothing published;
 * run again with the sample's thresholds it keeps the two ingested days and publishes the four marts, each
 * equal row for row to the independent computation of test-data/check_marts.py. With a table catalog on, as
 * bin/mrsuite runs, each mart's Iceberg table then holds exactly the mart partition's rows, read by {@code sql}.
 */
@Timeout(300)
class PipelineJobTest {
  private static final String DAY = "2026-11-20";
  private static final Path TEST_DATA = Paths.get("..", "test-data");

  @TempDir
  Path root;

  @Test
  void aFailingGateKillsTheDayAndARunWithPassingThresholdsPublishesItsMartsWithoutIngestingAgain()
      throws Exception {
    FileUtils.copyDirectory(TEST_DATA.resolve("warehouse/raw").toFile(), root.resolve("raw").toFile());
    String qualifiedRoot = "file:" + root.toAbsolutePath();

    List<String> killed = run(1, null);

    assertEquals("pipeline dt=2026-11-20: dq gate on the production thresholds (oozie/dq-thresholds.properties in"
        + " the jar); --dq-thresholds FILE gives others", killed.get(0), "without --dq-thresholds, said first");

    assertTrue(killed.contains("  arrival 2026-11-20: ingest (curated partitions missing or incomplete [events, "
        + "orders, products, fx_rates])"), String.join("\n", killed));
    assertTrue(killed.stream().anyMatch(line -> line.startsWith("[mrsuite-ingest-2026-11-21] SUCCEEDED in ")),
        String.join("\n", killed));
    String message = "marts of 2026-11-20 not published: dq-report FAIL [quarantine_rate:curated/events,"
        + "quarantine_rate:curated/fx_rates,quarantine_rate:curated/orders,quarantine_rate:curated/products], report "
        + qualifiedRoot + "/reports/dq/dt=2026-11-20/dq.json";
    assertTrue(killed.stream().anyMatch(line -> line.startsWith("[mrsuite-marts-2026-11-20] KILLED at dq-failed after ")
        && line.endsWith(": " + message)), String.join("\n", killed));
    assertTrue(killed.contains("  " + message), String.join("\n", killed));
    assertTrue(killed.stream().anyMatch(line -> line.startsWith("pipeline dt=2026-11-20: KILLED in ")));
    assertFalse(Files.exists(root.resolve("marts")), "no mart written");
    for (String date : List.of(DAY, "2026-11-21")) {
      for (Dataset dataset : IngestPlan.CURATED_DATASETS) {
        assertTrue(Files.exists(root.resolve("curated/" + dataset.dir() + "/dt=" + date + "/_SUCCESS")),
            dataset + " " + date);
      }
    }

    // What an ingest-fx of the next day killed while staging leaves: its lock and its staging directory.
    Path fxRates = root.resolve("curated/fx_rates");
    Files.createDirectories(fxRates.resolve("_staging.dt=2026-11-21.killed-run")).resolve("part-r-00000.avro")
        .toFile().createNewFile();
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Files.writeString(fxRates.resolve("_lock.dt=2026-11-21"), "{\"job\": \"ingest-fx\", \"run_id\": \"killed-run\","
        + " \"host\": \"" + InetAddress.getLocalHost().getHostName() + "\", \"pid\": " + dead.pid() + "}");

    List<String> published = run(0, "../test-data/dq-thresholds.properties", "--apps", "../oozie/apps");

    assertTrue(published.stream().anyMatch(line -> line.startsWith("pipeline dt=2026-11-21: took over the stale lock ")
        && line.contains("killed-run")), String.join("\n", published));
    assertTrue(published.stream().anyMatch(line -> line.startsWith("pipeline dt=2026-11-21: deleted ")
        && line.endsWith("_staging.dt=2026-11-21.killed-run, left by a killed run")), String.join("\n", published));
    try (Stream<Path> left = Files.list(fxRates)) {
      assertEquals(List.of("dt=2026-11-20", "dt=2026-11-21"), left.map(p -> p.getFileName().toString()).sorted()
          .toList(), "a kept day is recovered too");
    }

    assertTrue(published.contains("  arrival 2026-11-20: skip (curated partitions complete, kept (--force ingests "
        + "again))"), String.join("\n", published));
    assertTrue(published.contains("  arrival 2026-11-21: skip (curated partitions complete, kept (--force ingests "
        + "again))"), String.join("\n", published));
    assertFalse(published.stream().anyMatch(line -> line.startsWith("[mrsuite-ingest-")), "no ingest ran");
    assertTrue(published.stream().anyMatch(line -> line.startsWith("pipeline dt=2026-11-20: SUCCEEDED in ")));
    assertTrue(published.stream().anyMatch(line -> line.matches("  mrsuite-marts-2026-11-20 +SUCCEEDED +8 actions .*")),
        String.join("\n", published));
    assertTrue(published.contains("  dq report: " + qualifiedRoot + "/reports/dq/dt=2026-11-20/dq.json (PASS)"));
    for (Dataset table : Dataset.inZone(Zone.MARTS)) {
      Path mart = root.resolve("marts/" + table.dir() + "/dt=" + DAY);
      MartRows.assertMatchesExpected(table.dir(), mart);
      assertTrue(Files.exists(mart.resolve("_SUCCESS")), table.dir());
      String snapshot = published.stream().filter(line -> line.startsWith("  table:      marts." + table.dir()
          + " snapshot ")).findFirst().orElseThrow().split(" +")[4];
      assertTrue(Files.readString(root.resolve("tables/_commits/" + table.dir() + "/dt=" + DAY + "/_SUCCESS"))
          .contains("\"snapshot_id\":" + snapshot + ","), "the commit marker names snapshot " + snapshot);
      assertTableHoldsTheMart(table.dir(), mart);
    }
  }

  /** Through DuckDB: the table's current rows and the mart partition's, compared as multisets. */
  private void assertTableHoldsTheMart(String table, Path mart) throws Exception {
    String files = "read_parquet('" + mart.toAbsolutePath() + "/part-*.parquet', hive_partitioning = false)";
    List<String> printed = query("SELECT (SELECT count(*) FROM marts." + table + ") AS table_rows,"
        + " (SELECT count(*) FROM " + files + ") AS mart_rows,"
        + " (SELECT count(*) FROM (SELECT * FROM marts." + table + " EXCEPT ALL SELECT * FROM " + files + ")) AS extra,"
        + " (SELECT count(*) FROM (SELECT * FROM " + files + " EXCEPT ALL SELECT * FROM marts." + table + ")) AS missing");
    assertEquals("table_rows\tmart_rows\textra\tmissing", printed.get(0));
    String[] counts = printed.get(1).split("\t");
    assertEquals(counts[1], counts[0], table + ": " + printed);
    assertTrue(Long.parseLong(counts[0]) > 0, table);
    assertEquals("0\t0", counts[2] + "\t" + counts[3], table + ": rows only in the table, only in the mart");
  }

  private List<String> query(String sql) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, ToolRunner.run(conf(), new TableQueryJob(), new String[] {"--root", root.toString(), "--query",
          sql}));
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static Configuration conf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.set(TableCatalog.PROPERTIES_PREFIX + "type", "jdbc");
    return conf;
  }

  /** Runs the pipeline for the sample day (thresholds null: the default), asserts its exit code, returns its lines. */
  private List<String> run(int exitCode, String thresholds, String... more) throws Exception {
    Configuration conf = conf();
    List<String> args = new ArrayList<>(List.of("--root", root.toString(), "--date", DAY, "--parallel", "2"));
    if (thresholds != null) {
      args.addAll(List.of("--dq-thresholds", thresholds));
    }
    args.addAll(List.of(more));
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      PipelineJob pipeline = new MrSuiteDriver.Pipeline();
      assertEquals(exitCode, ToolRunner.run(conf, pipeline, args.toArray(new String[0])));
    } finally {
      System.setOut(original);
      original.print(printed.toString(StandardCharsets.UTF_8));
    }
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
