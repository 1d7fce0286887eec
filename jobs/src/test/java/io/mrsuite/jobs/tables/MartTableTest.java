package io.mrsuite.jobs.tables;

import static io.mrsuite.jobs.tables.RevenuePartitions.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.run.JobFailedException;
import io.mrsuite.jobs.warehouse.Dataset;
import io.mrsuite.jobs.warehouse.Zone;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MartTableTest {
  private static final LocalDate DAY = RevenuePartitions.DAY;
  private static final Dataset MART = RevenuePartitions.MART;

  @TempDir
  java.nio.file.Path dir;

  private Configuration conf;
  private FileSystem fs;
  private Path root;
  private Catalog catalog;
  private LocalCatalog local;

  @BeforeEach
  void openCatalog() throws IOException {
    local = new LocalCatalog(dir);
    conf = local.conf;
    fs = local.fs;
    root = local.root;
    catalog = local.catalog;
  }

  @AfterEach
  void closeCatalog() throws IOException {
    local.close();
  }

  @Test
  void tablesAreOffWithoutACatalogType() throws IOException {
    assertTrue(TableCatalog.properties(new Configuration(false), root).isEmpty());
  }

  @Test
  void martJobsOfOneForkOpenANewCatalogAndCreateTheirTablesAtOnce(@TempDir java.nio.file.Path fresh)
      throws Exception {
    List<Dataset> marts = Dataset.inZone(Zone.MARTS);
    // Two openers per table: the more at once, the surer a racy catalog set-up shows (V1's did, 1 run in 3).
    ExecutorService pool = Executors.newFixedThreadPool(2 * marts.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Optional<Long>>> begun = new ArrayList<>();
    for (Dataset mart : Stream.concat(marts.stream(), marts.stream()).toList()) {
      begun.add(pool.submit(() -> {
        start.await();
        try (LocalCatalog opened = new LocalCatalog(fresh)) {
          return MartTable.begin(opened.catalog, mart).base();
        }
      }));
    }
    start.countDown();
    for (Future<Optional<Long>> table : begun) {
      assertEquals(Optional.empty(), table.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    try (LocalCatalog after = new LocalCatalog(fresh)) {
      for (Dataset mart : marts) {
        assertTrue(after.catalog.tableExists(MartTable.identifier(mart)), mart.dir());
      }
    }
  }

  @Test
  void theTableHasTheMartsSchemaTypesPartitionMappingAndContractVersion() {
    MartTable.begin(catalog, MART);
    Table table = catalog.loadTable(MartTable.identifier(MART));
    assertEquals(Types.DecimalType.of(38, 2), table.schema().findType("revenue_usd"));
    assertEquals(Types.DateType.get(), table.schema().findType("event_date"));
    assertTrue(table.schema().findField("country").isOptional());
    assertTrue(table.schema().findField("orders").isRequired());
    assertEquals("event_date", table.spec().fields().get(0).name());
    assertEquals("identity", table.spec().fields().get(0).transform().toString());
    assertEquals(MartTable.CONTRACT_VERSION, table.properties().get(MartTable.CONTRACT_VERSION_PROPERTY));
    assertEquals("false", table.properties().get(TableProperties.PARQUET_VECTORIZATION_ENABLED),
        "Spark's vectorized reader fails on parquet-avro's BINARY decimals (tables-spark)");
    assertEquals(table.schema().findField("orders").fieldId(), NameMappingParser.fromJson(
        table.properties().get(TableProperties.DEFAULT_NAME_MAPPING)).find("orders").id());
    assertTrue(java.nio.file.Files.exists(dir.resolve("tables/catalog.db")));
  }

  @Test
  void aDayIsReplacedWithCopiesAndReadThroughTheMappingEvenWhenColumnsAreReordered() throws IOException {
    MartTable run = MartTable.begin(catalog, MART);
    Path partition = partition("first", List.of(row("DE", 3, "12.50"), row(null, 1, "0.00")), reordered());
    MartTable.CommittedDay day = run.replaceDay(catalog, DAY, fs, partition, "run1", conf);
    assertEquals(1, day.files());
    assertEquals(2, day.rows());

    Table table = catalog.loadTable(MartTable.identifier(MART));
    assertEquals(day.snapshotId(), table.currentSnapshot().snapshotId());
    assertEquals(Map.of("DE", "3 12.50", "null", "1 0.00"), rows(table));
    DataFile file = onlyFile(table);
    assertTrue(file.location().contains("/tables/marts/revenue_daily/data/event_date=2026-11-20/run1-"),
        file.location());
    int orders = table.schema().findField("orders").fieldId();
    assertEquals(1L, (Long) fromByteBuffer(Types.LongType.get(), file.lowerBounds().get(orders)));
    assertEquals(3L, (Long) fromByteBuffer(Types.LongType.get(), file.upperBounds().get(orders)));
    assertEquals(1L, file.nullValueCounts().get(table.schema().findField("country").fieldId()));
  }

  @Test
  void aRerunGivesANewSnapshotWithOnlyItsFilesAndKeepsTheOldOnesForOlderSnapshots() throws IOException {
    MartTable.begin(catalog, MART).replaceDay(catalog, DAY, fs, partition("first", List.of(row("DE", 3, "12.50")),
        MART.schema().orElseThrow()), "run1", conf);
    Snapshot first = catalog.loadTable(MartTable.identifier(MART)).currentSnapshot();
    MartTable.begin(catalog, MART).replaceDay(catalog, DAY.plusDays(1), fs, partition("other",
        List.of(row("FR", 2, "1.00")), MART.schema().orElseThrow()), "run2", conf);

    MartTable.CommittedDay rerun = MartTable.begin(catalog, MART).replaceDay(catalog, DAY, fs,
        partition("rerun", List.of(row("DE", 4, "13.00"), row("AT", 1, "2.00")), MART.schema().orElseThrow()),
        "run3", conf);

    Table table = catalog.loadTable(MartTable.identifier(MART));
    assertEquals(Map.of("DE", "4 13.00", "AT", "1 2.00", "FR", "2 1.00"), rows(table));
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> files.add(new Path(task.file().location()).getName().substring(0, 4)));
    }
    files.sort(null);
    assertEquals(List.of("run2", "run3"), files);
    assertEquals(rerun.snapshotId(), table.currentSnapshot().snapshotId());
    try (CloseableIterable<FileScanTask> old = table.newScan().useSnapshot(first.snapshotId()).planFiles()) {
      for (FileScanTask task : old) {
        assertTrue(fs.exists(new Path(task.file().location())), "a file of an older snapshot was removed");
      }
    }
  }

  @Test
  void anEmptyMartPartitionEmptiesTheDay() throws IOException {
    MartTable.begin(catalog, MART).replaceDay(catalog, DAY, fs, partition("first", List.of(row("DE", 3, "12.50")),
        MART.schema().orElseThrow()), "run1", conf);
    MartTable.CommittedDay empty = MartTable.begin(catalog, MART).replaceDay(catalog, DAY, fs,
        partition("empty", List.of(), MART.schema().orElseThrow()), "run2", conf);
    assertEquals(0, empty.files());
    assertEquals(Map.of(), rows(catalog.loadTable(MartTable.identifier(MART))));
  }

  @Test
  void aSecondWriterFromTheSameBaseIsRefusedAndLeavesNothing() throws IOException {
    MartTable.begin(catalog, MART).replaceDay(catalog, DAY, fs, partition("first", List.of(row("DE", 3, "12.50")),
        MART.schema().orElseThrow()), "run1", conf);
    MartTable one = MartTable.begin(catalog, MART);
    MartTable two = MartTable.begin(catalog, MART);
    one.replaceDay(catalog, DAY, fs, partition("one", List.of(row("DE", 5, "1.00")), MART.schema().orElseThrow()),
        "run2", conf);
    Path twoFiles = partition("two", List.of(row("DE", 6, "2.00")), MART.schema().orElseThrow());

    JobFailedException refused = assertThrows(JobFailedException.class,
        () -> two.replaceDay(catalog, DAY, fs, twoFiles, "run3", conf));

    assertTrue(refused.getMessage().startsWith("table marts.revenue_daily: another run committed"
        + " event_date=2026-11-20 after this run started from snapshot " + two.base().orElseThrow()),
        refused.getMessage());
    assertEquals(Map.of("DE", "5 1.00"), rows(catalog.loadTable(MartTable.identifier(MART))));
    Path data = new Path(root, "tables/marts/revenue_daily/data/event_date=2026-11-20");
    assertFalse(List.of(fs.listStatus(data)).stream().anyMatch(f -> f.getPath().getName().startsWith("run3")),
        "the refused run's copies are left behind");
  }

  /** The mart's columns, last first: files whose order differs from the table's. */
  private static Schema reordered() {
    Schema mart = MART.schema().orElseThrow();
    List<Schema.Field> fields = new ArrayList<>();
    for (int i = mart.getFields().size() - 1; i >= 0; i--) {
      Schema.Field field = mart.getFields().get(i);
      fields.add(new Schema.Field(field, field.schema()));
    }
    return Schema.createRecord(mart.getName(), null, mart.getNamespace(), false, fields);
  }

  private Path partition(String name, List<Map<String, Object>> rows, Schema schema) throws IOException {
    return RevenuePartitions.write(conf, root, name, rows, schema);
  }

  /** The table's current rows through its name mapping, each of event date DAY: country to "orders revenue_usd". */
  @Test
  void aMartSchemaThatGainedANullableColumnAddsItToTheTableAndOlderFilesReadItAsNull() throws IOException {
    Schema avro = MART.schema().orElseThrow();
    MartTable.begin(catalog, MART).replaceDay(catalog, DAY, fs, partition("first", List.of(row("DE", 3, "12.50")),
        avro), "run1", conf);
    List<Schema.Field> fields = new ArrayList<>();
    avro.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
    fields.add(new Schema.Field("channel", Schema.createUnion(Schema.create(Schema.Type.NULL),
        Schema.create(Schema.Type.STRING)), null, Schema.Field.NULL_DEFAULT_VALUE));
    org.apache.iceberg.Schema gained = org.apache.iceberg.avro.AvroSchemaUtil.toIceberg(
        Schema.createRecord(avro.getName(), null, avro.getNamespace(), false, fields));

    Table table = MartTable.withColumnsOf(catalog.loadTable(MartTable.identifier(MART)), gained);

    Types.NestedField channel = table.schema().findField("channel");
    assertTrue(channel.isOptional());
    assertEquals(Types.StringType.get(), channel.type());
    assertEquals(channel.fieldId(), NameMappingParser.fromJson(
        table.properties().get(TableProperties.DEFAULT_NAME_MAPPING)).find("channel").id());
    List<Record> records = local.records(table);
    assertEquals(1, records.size());
    assertEquals(null, records.get(0).getField("channel"));
    assertEquals("DE", records.get(0).getField("country"));
    int schemaId = table.schema().schemaId();
    assertEquals(schemaId, MartTable.withColumnsOf(table, gained).schema().schemaId(), "nothing more to add");
  }

  private Map<String, String> rows(Table table) throws IOException {
    for (Record record : local.records(table)) {
      assertEquals(DAY, record.getField("event_date"));
    }
    return local.revenueRows(table);
  }

  private static DataFile onlyFile(Table table) throws IOException {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().includeColumnStats().planFiles()) {
      tasks.forEach(task -> files.add(task.file()));
    }
    assertEquals(1, files.size());
    return files.get(0);
  }

  private static Object fromByteBuffer(org.apache.iceberg.types.Type type, ByteBuffer buffer) {
    return org.apache.iceberg.types.Conversions.fromByteBuffer(type, buffer);
  }
}
