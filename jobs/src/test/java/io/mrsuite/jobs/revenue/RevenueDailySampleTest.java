package io.mrsuite.jobs.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.RevenueDaily;
import io.mrsuite.jobs.dedup.DedupEventsJob;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
import io.mrsuite.jobs.ingest.csv.IngestFxJob;
import io.mrsuite.jobs.ingest.csv.IngestOrdersJob;
import io.mrsuite.jobs.ingest.csv.IngestProductsJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.tool.MrSuiteTool;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample warehouse in local mode, ingest to revenue-daily: the rows read back from the Parquet partition
 * are those test-data/check_marts.py computed from the raw files (expected/marts/revenue_daily.json), with 1
 * and 3 reducers, and the run's books are the sample's own counts.
 */
class RevenueDailySampleTest {
  private static final String DAY = "2026-11-20";
  private static final String NEXT = "2026-11-21";
  private static final Path EXPECTED = Paths.get("..", "test-data", "expected");

  @TempDir
  static Path root;
  private static JsonNode expected;

  @BeforeAll
  static void ingestEnrichTheSample() throws Exception {
    for (String dataset : List.of("events", "products", "fx_rates", "orders", "order_lines")) {
      FileUtils.copyDirectory(Paths.get("..", "test-data", "warehouse", "raw", dataset).toFile(),
          root.resolve("raw").resolve(dataset).toFile());
    }
    run(new IngestEventsJob(), 1, "--date", DAY);
    run(new IngestEventsJob(), 1, "--date", NEXT);
    run(new DedupEventsJob(), 2, "--date", DAY);
    run(new IngestProductsJob(), 1, "--date", DAY);
    run(new IngestFxJob(), 1, "--date", DAY);
    run(new IngestOrdersJob(), 1, "--date", DAY);
    run(new IngestOrdersJob(), 1, "--date", NEXT);
    run(new EnrichEventsJob(), 1, "--date", DAY);
    expected = new ObjectMapper().readTree(EXPECTED.resolve("marts").resolve("revenue_daily.json").toFile());
  }

  @Test
  void rowsAreTheIndependentExpectationWithOneAndThreeReducers() throws Exception {
    List<Map<String, Object>> expectedRows = expectedRows();
    assertEquals(DAY, expected.get("event_date").asText());

    run(new RevenueDailyJob(), 1, "--date", DAY);
    // one reducer: one file, its rows in key order (null country first), as the expectation lists them
    assertEquals(expectedRows, rows(partition()));
    assertBooks(expectedRows);

    run(new RevenueDailyJob(), 3, "--date", DAY);
    List<Map<String, Object>> three = rows(partition());
    three.sort(Comparator.comparing(row -> (String) row.get("country"), Comparator.nullsFirst(Comparator.naturalOrder())));
    assertEquals(expectedRows, three);
    assertBooks(expectedRows);
    try (Stream<Path> files = Files.list(partition())) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(name -> !name.endsWith(".crc")).toList();
      assertTrue(names.containsAll(List.of("_SUCCESS", "_manifest.json")), "files " + names);
      assertTrue(names.stream().allMatch(name -> name.startsWith("part-r-") || name.equals("_SUCCESS")
          || name.equals("_manifest.json")),
          "no Parquet summary (_metadata, _common_metadata) beside the part files: " + names);
    }
    try (Stream<Path> table = Files.list(root.resolve("marts").resolve(Dataset.REVENUE_DAILY.dir()))) {
      assertEquals(List.of("dt=" + DAY), table.map(p -> p.getFileName().toString()).toList(),
          "no staging or partials directory is left beside the partition");
    }
  }

  @Test
  void explicitPathsGiveTheSameRows(@TempDir Path out) throws Exception {
    Path curated = root.resolve("curated");
    Path output = out.resolve("revenue").resolve("dt=" + DAY);
    String[] args = {"--date", DAY,
        "--orders", curated.resolve("orders/dt=" + DAY) + "," + curated.resolve("orders/dt=" + NEXT),
        "--events", curated.resolve("events_enriched/dt=" + DAY).toString(),
        "--fx-rates", curated.resolve("fx_rates/dt=" + DAY).toString(), "--output", output.toString()};
    assertEquals(0, ToolRunner.run(localConf(1), new RevenueDailyJob(), args));

    assertEquals(expectedRows(), rows(output));
  }

  @Test
  void mixedOrIncompleteCommandLinesAreUsageErrors() throws Exception {
    String orders = root.resolve("curated/orders/dt=" + DAY).toString();
    for (String[] args : new String[][] {
        {"--root", root.toString(), "--date", DAY, "--orders", orders},
        {"--date", DAY, "--orders", ",", "--events", "e", "--fx-rates", "f", "--output", "o"},
        {"--date", DAY, "--orders", orders, "--late-days", "2", "--events", "e", "--fx-rates", "f", "--output", "o"},
        {"--date", DAY, "--orders", orders, "--fx-rates", "f", "--output", "o"}}) {
      assertEquals(MrSuiteTool.EXIT_USAGE, ToolRunner.run(localConf(1), new RevenueDailyJob(), args), String.join(" ", args));
    }
  }

  @Test
  void missingInputPartitionsFailTheRunAndPublishNothing(@TempDir Path empty) throws Exception {
    String[] args = {"--root", empty.toString(), "--date", DAY};
    assertEquals(1, ToolRunner.run(localConf(1), new RevenueDailyJob(), args));
    assertFalse(Files.exists(empty.resolve("marts")));
  }

  private static Path partition() {
    return root.resolve("marts").resolve(Dataset.REVENUE_DAILY.dir()).resolve("dt=" + DAY);
  }

  /** Every Parquet part file of the partition, in file order, as rows of the expectation's columns. */
  private static List<Map<String, Object>> rows(Path partition) throws IOException {
    List<Path> parts;
    try (Stream<Path> files = Files.list(partition)) {
      parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
    Configuration conf = new Configuration();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Path part : parts) {
      InputFile file = HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(part.toUri()), conf);
      assertParquetTypes(file);
      try (ParquetReader<RevenueDaily> reader = AvroParquetReader.<RevenueDaily>builder(file)
          .withDataModel(new CuratedDataModel(RevenueDailySampleTest.class.getClassLoader())).build()) {
        for (RevenueDaily row = reader.read(); row != null; row = reader.read()) {
          assertEquals(LocalDate.parse(DAY), row.getEventDate());
          Map<String, Object> values = new LinkedHashMap<>();
          values.put("country", row.getCountry());
          values.put("orders", row.getOrders());
          values.put("revenue_usd", row.getRevenueUsd().toPlainString());
          values.put("unconverted_orders", row.getUnconvertedOrders());
          values.put("orphan_purchases", row.getOrphanPurchases());
          rows.add(values);
        }
      }
    }
    return rows;
  }

  /** revenue_usd is DECIMAL(38,2) and event_date a DATE in the file itself, the last column. */
  private static void assertParquetTypes(InputFile file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(file)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      assertEquals(LogicalTypeAnnotation.decimalType(2, 38), schema.getType("revenue_usd").getLogicalTypeAnnotation());
      assertEquals(LogicalTypeAnnotation.dateType(), schema.getType("event_date").getLogicalTypeAnnotation());
      assertEquals(schema.getFieldCount() - 1, schema.getFieldIndex("event_date"));
    }
  }

  /** The rows of expected/marts/revenue_daily.json, null country first, then by country. */
  private static List<Map<String, Object>> expectedRows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    expected.get("rows").forEach(row -> rows.add(asRow(row)));
    return rows;
  }

  private static Map<String, Object> asRow(JsonNode row) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("country", row.get("country").isNull() ? null : row.get("country").asText());
    values.put("orders", row.get("orders").asLong());
    values.put("revenue_usd", row.get("revenue_usd").asText());
    values.put("unconverted_orders", row.get("unconverted_orders").asLong());
    values.put("orphan_purchases", row.get("orphan_purchases").asLong());
    return values;
  }

  /**
   * The manifest's books: read = the valid orders of both exports (expected/orders-lines.tsv) + the
   * deduplicated events (expected/dedup-events.json); written = the orders and orphans of the rows;
   * duplicates removed = the order_ids kept by both exports.
   */
  private static void assertBooks(List<Map<String, Object>> rows) throws IOException {
    Map<String, Set<String>> kept = new HashMap<>();
    List<String> lines = Files.readAllLines(EXPECTED.resolve("orders-lines.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split("\t");
      kept.computeIfAbsent(fields[0], d -> new HashSet<>()).add(fields[1]);
    }
    Set<String> both = new HashSet<>(kept.get(DAY));
    both.retainAll(kept.get(NEXT));
    long events = new ObjectMapper().readTree(EXPECTED.resolve("dedup-events.json").toFile())
        .get("days").get(DAY).get("written").asLong();
    long written = rows.stream().mapToLong(r -> (Long) r.get("orders") + (Long) r.get("orphan_purchases")).sum();

    JsonNode manifest = new ObjectMapper().readTree(partition().resolve("_manifest.json").toFile());
    JsonNode records = manifest.get("records");
    long read = kept.get(DAY).size() + kept.get(NEXT).size() + events;
    assertEquals(read, records.get("read").asLong());
    assertEquals(written, records.get("written").asLong());
    assertEquals(both.size(), records.get("duplicates_removed").asLong());
    assertEquals(read - written - both.size(), records.get("skipped").asLong());
    assertEquals(0, records.get("quarantined").asLong());
    assertEquals(rows.size(), manifest.get("rows").asLong());
  }

  private static Configuration localConf(int reducers) {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.setInt(MRJobConfig.NUM_REDUCES, reducers);
    return conf;
  }

  private static void run(Tool job, int reducers, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--root", root.toString()));
    all.addAll(List.of(args));
    assertEquals(0, ToolRunner.run(localConf(reducers), job, all.toArray(new String[0])), job.getClass().getSimpleName());
  }
}
