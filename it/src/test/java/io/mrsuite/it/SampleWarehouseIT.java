package io.mrsuite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.Session;
import io.mrsuite.jobs.MrSuiteDriver;
import io.mrsuite.jobs.dedup.DedupEventsJob;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
import io.mrsuite.jobs.funnel.FunnelDailyJob;
import io.mrsuite.jobs.ingest.csv.IngestFxJob;
import io.mrsuite.jobs.ingest.csv.IngestOrdersJob;
import io.mrsuite.jobs.ingest.csv.IngestProductsJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.productdaily.ProductDailyJob;
import io.mrsuite.jobs.revenue.RevenueDailyJob;
import io.mrsuite.jobs.run.TaskFaults;
import io.mrsuite.jobs.sessionize.SessionizeJob;
import io.mrsuite.jobs.topproducts.TopProductsJob;
import io.mrsuite.jobs.tables.TableCatalog;
import io.mrsuite.jobs.warehouse.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapred.MiniMRClientCluster;
import org.apache.hadoop.mapred.MiniMRClientClusterFactory;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskReport;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs on a real HDFS + YARN (MiniDFSCluster, MiniMRYarnCluster) over the hand-checked sample warehouse
 * (test-data): the events ingested in several splits and deduplicated, enriched (the catalog localized
 * from the distributed cache) and sessionized by two reducers, each job in task containers of its own; the
 * books and every quarantined record match the expectations in test-data/expected, a few records are
 * checked field by field, and the sessions record for record. The CSV exports, a rerun that replaces a
 * partition with identical records, and the marts that DuckDB reads back run in local mode over the same
 * HDFS: the same jobs run on YARN as Oozie actions in oozie-it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SampleWarehouseIT {
  private static final org.apache.hadoop.fs.Path ROOT = new org.apache.hadoop.fs.Path("/warehouse");
  private static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
  /** Small enough that the sample's files are packed into more than one split. */
  private static final long SPLIT_BYTES = 64 * 1024;
  private static final DateTimeFormatter SESSION_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  @TempDir
  static Path tmp;

  private static MiniDFSCluster dfs;
  private static MiniMRClientCluster yarn;
  private static FileSystem fs;
  private static ExpectedIngest expected;

  @BeforeAll
  static void startCluster() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    fs = dfs.getFileSystem();
    yarn = MiniMRClientClusterFactory.create(SampleWarehouseIT.class, 1, fs.getConf());
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(TestData.warehouse().resolve("raw").toUri()),
        new org.apache.hadoop.fs.Path(ROOT, "raw"));
    expected = ExpectedIngest.load();
  }

  @AfterAll
  static void stopCluster() throws IOException {
    if (yarn != null) {
      yarn.stop();
    }
    if (dfs != null) {
      dfs.shutdown();
    }
  }

  @Test
  @Order(1)
  void ingestsEachDayWithTheExpectedBooksAndQuarantine() throws Exception {
    for (String day : expected.days()) {
      assertEquals(0, ingest(day), "exit code for " + day);

      org.apache.hadoop.fs.Path curated = partition("curated", day);
      org.apache.hadoop.fs.Path quarantine = partition("quarantine", day);
      assertEquals(expected.day(day), Manifests.counts(fs, curated), "books of " + day);
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(curated, "_SUCCESS")));
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(quarantine, "_SUCCESS")));

      List<GenericRecord> rejected = AvroPartitions.read(fs, quarantine);
      List<String> positions = new ArrayList<>();
      for (GenericRecord record : rejected) {
        positions.add(relative(record.get("source_file")) + ":" + record.get("line_number") + ":"
            + record.get("byte_offset") + ":" + record.get("reason"));
      }
      positions.sort(null);
      assertEquals(expected.quarantinedLines(day), positions, "quarantined lines of " + day);

      List<GenericRecord> events = AvroPartitions.read(fs, curated);
      assertEquals(expected.day(day).written(), events.size());
      Set<String> written = new HashSet<>();
      for (GenericRecord event : events) {
        String position = relative(event.get("source_file")) + ":" + event.get("source_line");
        assertTrue(written.add(position), "written twice: " + position);
        assertEquals((int) LocalDate.parse(day).toEpochDay(), event.get("arrival_date"), position);
      }
      for (String rejectedLine : positions) {
        String[] parts = rejectedLine.split(":");
        assertTrue(!written.contains(parts[0] + ":" + parts[1]), "both written and quarantined: " + rejectedLine);
      }
    }
  }

  @Test
  @Order(2)
  void writesExactRecords() throws IOException {
    GenericRecord purchase = curatedAt("2026-11-21", "raw/events/dt=2026-11-21/hr=01/events-00001.jsonl", 6);
    assertEquals("83f8129b-ac66-440e-89cc-dc736cd6c00b", purchase.get("event_id").toString());
    assertEquals("purchase", purchase.get("event_type").toString());
    assertEquals(Instant.parse("2026-11-21T01:24:20.332Z").toEpochMilli(), purchase.get("event_time"));
    assertEquals("anon-12fcb1e9f4fd", purchase.get("anonymous_id").toString());
    assertEquals("u-11782", purchase.get("user_id").toString());
    assertEquals("P-1011", purchase.get("product_id").toString());
    assertEquals(2, purchase.get("quantity"));
    assertEquals(new BigDecimal("78.99"), decimal(purchase, "price"));
    assertEquals("USD", purchase.get("currency").toString());
    assertEquals("O-20261121-62707", purchase.get("order_id").toString());
    assertEquals("US", purchase.get("country").toString());
    assertEquals("https://shop.example.com/checkout/confirmation", purchase.get("page_url").toString());
    assertEquals(null, purchase.get("search_query"));
    assertEquals(Map.of(), purchase.get("attributes"));

    GenericRecord withExtras = curatedAt("2026-11-21", "raw/events/dt=2026-11-21/hr=22/events-00001.jsonl", 16);
    Map<String, String> attributes = new TreeMap<>();
    ((Map<?, ?>) withExtras.get("attributes")).forEach((k, v) -> attributes.put(k.toString(), v.toString()));
    assertEquals(Map.of("campaign", "bf-2026-week47",
        "utm", "{\"source\":\"newsletter\",\"medium\":\"email\",\"campaign\":\"bf-2026\"}"), attributes);
    assertEquals("2001:db8:ebe5:105a::7ea7", withExtras.get("ip").toString());

    GenericRecord afterByteOrderMark = curatedAt("2026-11-20", "raw/events/dt=2026-11-20/hr=00/events-00001.jsonl", 1);
    assertEquals("8340528c-f57b-48fc-8ff7-dd821bdd97cc", afterByteOrderMark.get("event_id").toString());
    assertEquals(3L, afterByteOrderMark.get("source_offset"));
    assertEquals(Instant.parse("2026-11-20T00:00:03.120Z").toEpochMilli(), afterByteOrderMark.get("event_time"));
  }

  @Test
  @Order(3)
  void rerunReplacesThePartitionsWithIdenticalRecords() throws Exception {
    String day = expected.days().get(0);
    List<String> curatedBefore = sortedText(AvroPartitions.read(fs, partition("curated", day)));
    List<String> quarantineBefore = sortedText(AvroPartitions.read(fs, partition("quarantine", day)));

    // The rerun in local mode: replacing a partition is the job's renames on HDFS, the same wherever it runs.
    assertEquals(0, ingest(day, localOverHdfs()));

    assertEquals(curatedBefore, sortedText(AvroPartitions.read(fs, partition("curated", day))));
    assertEquals(quarantineBefore, sortedText(AvroPartitions.read(fs, partition("quarantine", day))));
    for (String zone : List.of("curated", "quarantine")) {
      FileStatus[] siblings = fs.listStatus(new org.apache.hadoop.fs.Path(ROOT, zone + "/events"));
      assertEquals(expected.days().stream().map(d -> "dt=" + d).sorted().toList(),
          Arrays.stream(siblings).map(s -> s.getPath().getName()).sorted().toList(),
          "no staging or replaced directories left in " + zone);
    }
  }

  @Test
  @Order(4)
  void ingestsEveryCsvExportWithTheExpectedBooksQuarantineAndOrders() throws Exception {
    List<String[]> rejects = tsv("csv-rejects.tsv");
    Map<Tool, String> jobs = new LinkedHashMap<>();
    jobs.put(new IngestOrdersJob(), "orders");
    jobs.put(new IngestProductsJob(), "products");
    jobs.put(new IngestFxJob(), "fx_rates");
    Map<String, List<String>> inputsOf = Map.of("orders", List.of("orders", "order_lines"),
        "products", List.of("products"), "fx_rates", List.of("fx_rates"));
    Map<String, String> expectedFiles = Map.of("orders", "ingest-orders.json", "products", "ingest-products.json",
        "fx_rates", "ingest-fx.json");
    for (Map.Entry<Tool, String> job : jobs.entrySet()) {
      String dataset = job.getValue();
      for (Map.Entry<String, ExpectedIngest.DayCounts> day : ExpectedIngest.counts(expectedFiles.get(dataset)).entrySet()) {
        String date = day.getKey();
        assertEquals(0, run(job.getKey(), date), dataset + " " + date);
        assertEquals(day.getValue(), Manifests.counts(fs, partition("curated", dataset, date)), dataset + " " + date);

        List<String> expectedRejects = new ArrayList<>();
        for (String[] row : rejects) {
          if (inputsOf.get(dataset).contains(row[0]) && row[1].equals(date) && !row[5].equals("SKIPPED")) {
            expectedRejects.add(row[0] + ":" + row[2] + ":" + row[4] + ":" + row[3] + ":" + row[5]);
          }
        }
        List<String> actualRejects = new ArrayList<>();
        for (GenericRecord record : AvroPartitions.read(fs, partition("quarantine", dataset, date))) {
          actualRejects.add(record.get("dataset") + ":" + relative(record.get("source_file")) + ":"
              + record.get("line_number") + ":" + record.get("byte_offset") + ":" + record.get("reason"));
        }
        expectedRejects.sort(null);
        actualRejects.sort(null);
        assertEquals(expectedRejects, actualRejects, "quarantine of " + dataset + " " + date);
      }
    }
    assertOrdersHoldExactlyTheirLines();
  }

  /** The chain on the cluster: the events ingested by the tests above, deduplicated for 2026-11-20. */
  @Test
  @Order(5)
  void dedupOfTheIngestedDayMatchesTheIndependentCount() throws Exception {
    JsonNode expected = new ObjectMapper().readTree(TestData.expected("dedup-events.json").toFile())
        .get("days").get("2026-11-20");
    Configuration conf = clusterConf();
    conf.setInt(MRJobConfig.NUM_REDUCES, 2);
    assertEquals(0, ToolRunner.run(conf, new DedupEventsJob(),
        new String[] {"--root", fs.makeQualified(ROOT).toString(), "--date", "2026-11-20"}));

    JsonNode records;
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(partition("curated", "events_dedup", "2026-11-20"),
        "_manifest.json"))) {
      records = new ObjectMapper().readTree(in).get("records");
    }
    for (String count : List.of("read", "written", "skipped", "duplicates_removed", "quarantined")) {
      assertEquals(expected.get(count).asLong(), records.get(count).asLong(), count);
    }
    List<GenericRecord> events = AvroPartitions.read(fs, partition("curated", "events_dedup", "2026-11-20"));
    assertEquals(expected.get("written").asLong(), events.stream().map(e -> e.get("event_id").toString())
        .distinct().count(), "each event_id once");
  }

  /**
   * The rest of the chain on the cluster: the deduplicated day enriched (map-side, the catalog and rates
   * localized by YARN from the distributed cache) and sessionized by two reducers, record for record what
   * test-data/check_enrich_sessions.py computed from the raw files.
   */
  @Test
  @Order(6)
  void enrichedAndSessionizedDayMatchesTheIndependentComputation() throws Exception {
    Configuration conf = clusterConf();
    conf.setInt(MRJobConfig.NUM_REDUCES, 2);
    String root = fs.makeQualified(ROOT).toString();
    assertEquals(0, ToolRunner.run(conf, new EnrichEventsJob(), new String[] {"--root", root, "--date", "2026-11-20"}));
    assertEquals(0, ToolRunner.run(conf, new SessionizeJob(), new String[] {"--root", root, "--date", "2026-11-20"}));

    JsonNode enrichExpected = new ObjectMapper().readTree(TestData.expected("enrich-events.json").toFile());
    Map<String, Long> enrichCounts = new TreeMap<>();
    for (EnrichedEvent enriched : AvroPartitions.read(fs, partition("curated", "events_enriched", "2026-11-20"),
        EnrichedEvent.class)) {
      Event event = enriched.getEvent();
      String product = event.getProductId() == null ? "NO_PRODUCT" : enriched.getInCatalog() ? "IN_CATALOG"
          : "NOT_IN_CATALOG";
      String rate = event.getCurrency() == null ? "NO_CURRENCY" : enriched.getUsdPerUnit() == null ? "NO_RATE"
          : "RATE_FOUND";
      enrichCounts.merge(product, 1L, Long::sum);
      enrichCounts.merge(rate, 1L, Long::sum);
    }
    Map<String, Long> enrichWanted = new TreeMap<>();
    enrichExpected.get("counters").fields().forEachRemaining(e -> enrichWanted.put(e.getKey(), e.getValue().asLong()));
    assertEquals(enrichWanted, enrichCounts);
    assertEquals(enrichExpected.get("written").asLong(),
        Manifests.counts(fs, partition("curated", "events_enriched", "2026-11-20")).written());

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> sessions = new ArrayList<>();
    for (Session session : AvroPartitions.read(fs, partition("curated", "sessions", "2026-11-20"), Session.class)) {
      sessions.add(json.createObjectNode().put("session_id", session.getSessionId())
          .put("visitor", session.getVisitor())
          .put("session_start", SESSION_TIME.format(session.getSessionStart()))
          .put("session_end", SESSION_TIME.format(session.getSessionEnd()))
          .put("event_count", session.getEventCount()).put("page_views", session.getPageViews())
          .put("product_views", session.getProductViews()).put("searches", session.getSearches())
          .put("cart_adds", session.getCartAdds()).put("cart_removes", session.getCartRemoves())
          .put("checkouts", session.getCheckouts()).put("purchases", session.getPurchases())
          .put("converted", session.getConverted()).put("revenue_usd", session.getRevenueUsd().toPlainString())
          .put("unconverted_purchases", session.getUnconvertedPurchases()).put("country", session.getCountry())
          .put("entry_url", session.getEntryUrl()).put("exit_url", session.getExitUrl()));
    }
    sessions.sort(Comparator.comparing(s -> s.get("session_id").asText()));
    List<JsonNode> wanted = new ArrayList<>();
    json.readTree(TestData.expected("sessions.json").toFile()).get("sessions").forEach(wanted::add);
    assertEquals(wanted, sessions);
  }

  /**
   * The marts of the day on the cluster, read back by DuckDB from their Parquet files: its types (DECIMAL,
   * DATE, BIGINT) and every row and value equal to what test-data/check_marts.py computed from the raw files.
   */
  @Test
  @Order(7)
  void martsReadByDuckDbEqualTheIndependentComputation() throws Exception {
    // Local mode over HDFS, as for the CSV jobs: the marts' logic over several reducers is tested in local
    // mode (SampleChainJobTest, RevenueDailySampleTest), the marts jobs on YARN as Oozie actions in oozie-it
    // (PipelineAppsIT); here, what DuckDB reads of the files they write to HDFS.
    Configuration conf = localOverHdfs();
    // Each mart also commits its day to an Iceberg table in a Hadoop catalog on HDFS, which renames atomically.
    conf.set(TableCatalog.PROPERTIES_PREFIX + "type", "hadoop");
    String root = fs.makeQualified(ROOT).toString();
    Map<String, Tool> marts = new LinkedHashMap<>();
    marts.put(Dataset.PRODUCT_DAILY.dir(), new ProductDailyJob());
    marts.put(Dataset.FUNNEL_DAILY.dir(), new FunnelDailyJob());
    marts.put(Dataset.TOP_PRODUCTS.dir(), new TopProductsJob());
    marts.put(Dataset.REVENUE_DAILY.dir(), new RevenueDailyJob());
    for (Map.Entry<String, Tool> mart : marts.entrySet()) {
      assertEquals(0, ToolRunner.run(conf, mart.getValue(), new String[] {"--root", root, "--date", "2026-11-20"}),
          mart.getKey());
      Path local = tmp.resolve("marts").resolve(mart.getKey());
      fs.copyToLocalFile(partition("marts", mart.getKey(), "2026-11-20"), new org.apache.hadoop.fs.Path(local.toUri()));
      JsonNode expected = DuckDbMarts.expected(mart.getKey());
      assertEquals(DuckDbMarts.expectedRows(expected), DuckDbMarts.rows(local, expected), mart.getKey());
      Map<String, String> types = DuckDbMarts.columnTypes(local);
      assertEquals("DATE", types.get("event_date"), mart.getKey() + " " + types);
      types.forEach((column, type) -> assertTrue(!column.endsWith("_usd") || type.equals("DECIMAL(38,2)"),
          mart.getKey() + "." + column + " " + type));
      Path table = tmp.resolve("tables").resolve(mart.getKey());
      copyCurrentFiles(conf, root, mart.getKey(), table);
      assertEquals(DuckDbMarts.expectedRows(expected), DuckDbMarts.rows(table, expected), "table " + mart.getKey());
    }
    assertEquals("BIGINT", DuckDbMarts.columnTypes(tmp.resolve("marts/product_daily")).get("unique_viewers"));
  }

  /** Copies the files the current snapshot of table marts.{@code name} plans to {@code local}. */
  private static void copyCurrentFiles(Configuration conf, String root, String name, Path local) throws IOException {
    Catalog catalog = TableCatalog.open(conf, new org.apache.hadoop.fs.Path(root)).orElseThrow();
    try (CloseableIterable<FileScanTask> tasks = catalog.loadTable(TableIdentifier.of(TableCatalog.MARTS, name))
        .newScan().planFiles()) {
      Files.createDirectories(local);
      int copied = 0;
      for (FileScanTask task : tasks) {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(task.file().location());
        assertEquals(fs.getScheme(), file.toUri().getScheme(), "a table file on HDFS: " + file);
        // Named as DuckDbMarts reads a partition's files.
        fs.copyToLocalFile(file, new org.apache.hadoop.fs.Path(local.resolve("part-" + copied++ + ".parquet")
            .toUri()));
      }
    } finally {
      TableCatalog.close(catalog);
    }
  }

  /**
   * Task attempts failed while they run (by the poller), part-way through their input and after their output
   * was written (by {@link TaskFaults}), and retried, with speculative execution on, change not one byte of
   * the published files, Avro (ingest-events, dedup-events) or Parquet (product-daily): each task writes only
   * through its committed attempt into the run's staging directory, and a file's bytes depend only on its
   * records and name (RepeatableAvroKeyOutputFormat; Parquet files hold no random bytes). A stalled reducer's
   * speculative attempt commits in its place, and the files are again the clean run's.
   */
  @Test
  @Order(8)
  void failedRetriedAndSpeculativeAttemptsChangeNoByte() throws Exception {
    String day = expected.days().get(0);
    Map<String, String> curated = PartitionFiles.digests(fs, partition("curated", day));
    Map<String, String> quarantine = PartitionFiles.digests(fs, partition("quarantine", day));
    Configuration ingestConf = retryingClusterConf();
    // The poller fails the first attempts of both maps; their second attempts fail as they write.
    ingestConf.set(TaskFaults.FAIL_ATTEMPTS, "m:0:1:mid-input,m:1:1:after-output");
    try (AttemptFailer failer = AttemptFailer.start(ingestConf, TaskType.MAP)) {
      assertEquals(0, ingest(day, ingestConf));
      assertEquals(2, failer.failures().size(), "failed " + failer.failures());
      assertEquals(4, failer.failedAttempts().size(), "failed " + failer.failedAttempts());
    }
    assertEquals(curated, PartitionFiles.digests(fs, partition("curated", day)));
    assertEquals(quarantine, PartitionFiles.digests(fs, partition("quarantine", day)));

    Map<String, String> dedup = PartitionFiles.digests(fs, partition("curated", "events_dedup", "2026-11-20"));
    Configuration dedupConf = retryingClusterConf();
    dedupConf.setInt(MRJobConfig.NUM_REDUCES, 2);
    dedupConf.set(TaskFaults.FAIL_ATTEMPTS, "r:0:0:mid-input,r:1:0:after-output");
    try (AttemptFailer failer = AttemptFailer.start(dedupConf, TaskType.MAP)) {
      assertEquals(0, ToolRunner.run(dedupConf, new DedupEventsJob(),
          new String[] {"--root", fs.makeQualified(ROOT).toString(), "--date", "2026-11-20"}));
      assertTrue(!failer.failures().isEmpty(), "a map attempt failed while it ran");
      assertEquals(failer.failures().size() + 2, failer.failedAttempts().size(), "failed " + failer.failedAttempts());
    }
    assertEquals(dedup, PartitionFiles.digests(fs, partition("curated", "events_dedup", "2026-11-20")));

    // A duplicate attempt: reducer 0's first attempt stalls at its first record, still reporting that it lives,
    // until the speculator starts a second beside it; the second commits and the first is killed.
    Set<JobID> earlier = jobIds();
    Configuration speculativeConf = retryingClusterConf();
    speculativeConf.setInt(MRJobConfig.NUM_REDUCES, 2);
    speculativeConf.set(TaskFaults.FAIL_ATTEMPTS, "r:0:0:stall");
    assertEquals(0, ToolRunner.run(speculativeConf, new DedupEventsJob(),
        new String[] {"--root", fs.makeQualified(ROOT).toString(), "--date", "2026-11-20"}));
    Cluster cluster = new Cluster(clusterConf());
    try {
      Set<JobID> ran = jobIds();
      ran.removeAll(earlier);
      assertEquals(1, ran.size(), "jobs " + ran);
      org.apache.hadoop.mapreduce.Job job = cluster.getJob(ran.iterator().next());
      Counters counters = job.getCounters();
      // Not NUM_KILLED_REDUCES: the superseded attempt may be counted killed only after the job has ended.
      assertEquals(3, counters.findCounter(JobCounter.TOTAL_LAUNCHED_REDUCES).getValue(), "reduce attempts");
      assertEquals(0, counters.findCounter(JobCounter.NUM_FAILED_REDUCES).getValue(), "failed reduce attempts");
      TaskReport reducer0 = Arrays.stream(job.getTaskReports(TaskType.REDUCE))
          .filter(report -> report.getTaskID().getId() == 0).findFirst().orElseThrow();
      assertEquals(1, reducer0.getSuccessfulTaskAttemptId().getId(), "the speculative attempt committed");
    } finally {
      cluster.close();
    }
    assertEquals(dedup, PartitionFiles.digests(fs, partition("curated", "events_dedup", "2026-11-20")));

    // A mart, Parquet: its clean run is order 7's, in local mode, so the bytes must not depend on where the job
    // ran either. Its one reducer fails mid-input, then after its file was written.
    org.apache.hadoop.fs.Path mart = partition("marts", Dataset.PRODUCT_DAILY.dir(), "2026-11-20");
    Map<String, String> productDaily = PartitionFiles.digests(fs, mart);
    assertTrue(productDaily.keySet().stream().anyMatch(name -> name.endsWith(".parquet")), "files " + productDaily);
    Configuration martConf = retryingClusterConf();
    martConf.set(TaskFaults.FAIL_ATTEMPTS, "r:0:0:mid-input,r:0:1:after-output");
    try (AttemptFailer failer = AttemptFailer.start(martConf, TaskType.MAP)) {
      assertEquals(0, ToolRunner.run(martConf, new ProductDailyJob(),
          new String[] {"--root", fs.makeQualified(ROOT).toString(), "--date", "2026-11-20"}));
      assertTrue(!failer.failures().isEmpty(), "a map attempt failed while it ran");
      assertEquals(failer.failures().size() + 2, failer.failedAttempts().size(), "failed " + failer.failedAttempts());
    }
    assertEquals(productDaily, PartitionFiles.digests(fs, mart));
  }

  /**
   * A client killed just after it submitted its job (a child JVM halted as {@code kill -9} would): the job runs on in YARN to its end, but only ever into its staging directory, so
   * nothing it wrote is published. The next run of the day recovers: it deletes that staging directory and
   * publishes what a clean run does.
   */
  @Test
  @Order(9)
  void aJobWhoseClientDiedIsNeverPublished() throws Exception {
    String day = expected.days().get(0);
    List<String> curated = sortedText(AvroPartitions.read(fs, partition("curated", day)));
    Path clusterXml = tmp.resolve("cluster.xml");
    try (OutputStream out = Files.newOutputStream(clusterXml)) {
      clusterConf().writeXml(out);
    }
    Set<JobID> earlier = jobIds();
    Path log = tmp.resolve("killed-client.log");
    // This JVM's classpath: a mini cluster gives the application master the client's own classpath.
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlog4j.configuration=" + TestData.log4jProperties().toUri()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(arg -> arg.startsWith("--add-opens"))
        .forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MrSuiteDriver.class.getName(),
        IngestEventsJob.NAME, "-conf", clusterXml.toString(), "-D", "mrsuite.test.crash-at=submitted",
        "--root", fs.makeQualified(ROOT).toString(), "--date", day));
    Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(client.waitFor(5, TimeUnit.MINUTES), "the client ends");
    assertEquals(137, client.exitValue(), () -> "halted after submitting:\n" + readQuietly(log));

    JobStatus orphan = awaitNewJobFinished(earlier);
    assertEquals(JobStatus.State.SUCCEEDED, orphan.getState(), "the orphaned job ran to its end");
    List<String> hidden = Arrays.stream(fs.listStatus(partition("curated", day).getParent()))
        .map(s -> s.getPath().getName()).filter(name -> name.startsWith("_staging.")).toList();
    assertEquals(1, hidden.size(), "its output stays in its staging directory: " + hidden);
    assertEquals(curated, sortedText(AvroPartitions.read(fs, partition("curated", day))), "nothing published");

    assertEquals(0, ingest(day, localOverHdfs()));
    assertEquals(curated, sortedText(AvroPartitions.read(fs, partition("curated", day))));
    assertEquals(List.of(), Arrays.stream(fs.listStatus(partition("curated", day).getParent()))
        .map(s -> s.getPath().getName()).filter(name -> name.startsWith("_")).toList(), "the staging swept");
  }

  private static Set<JobID> jobIds() throws IOException, InterruptedException {
    Cluster cluster = new Cluster(clusterConf());
    try {
      Set<JobID> ids = new HashSet<>();
      for (JobStatus status : cluster.getAllJobStatuses()) {
        ids.add(status.getJobID());
      }
      return ids;
    } finally {
      cluster.close();
    }
  }

  /** Waits for the one job submitted since {@code earlier} to end on the cluster; returns its final status. */
  private static JobStatus awaitNewJobFinished(Set<JobID> earlier) throws IOException, InterruptedException {
    Cluster cluster = new Cluster(clusterConf());
    try {
      for (int i = 0; i < 1200; i++) {
        for (JobStatus status : cluster.getAllJobStatuses()) {
          if (!earlier.contains(status.getJobID()) && status.isJobComplete()) {
            return status;
          }
        }
        Thread.sleep(100);
      }
    } finally {
      cluster.close();
    }
    throw new AssertionError("the orphaned job did not end within 2 minutes");
  }

  private static String readQuietly(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The cluster as production runs it: attempts retried, speculative execution on. */
  private static Configuration retryingClusterConf() throws IOException {
    Configuration conf = clusterConf();
    conf.setInt(MRJobConfig.MAP_MAX_ATTEMPTS, 4);
    conf.setInt(MRJobConfig.REDUCE_MAX_ATTEMPTS, 4);
    conf.setBoolean(MRJobConfig.MAP_SPECULATIVE, true);
    conf.setBoolean(MRJobConfig.REDUCE_SPECULATIVE, true);
    return conf;
  }

  private static void assertOrdersHoldExactlyTheirLines() throws IOException {
    Map<String, List<String>> expected = new TreeMap<>();
    for (String[] row : tsv("orders-lines.tsv")) {
      expected.computeIfAbsent(row[0], d -> new ArrayList<>()).add(row[1] + ":" + (row.length > 2 ? row[2] : ""));
    }
    for (Map.Entry<String, List<String>> day : expected.entrySet()) {
      List<String> actual = new ArrayList<>();
      for (GenericRecord order : AvroPartitions.read(fs, partition("curated", "orders", day.getKey()))) {
        List<String> lineNos = new ArrayList<>();
        for (Object line : (List<?>) order.get("lines")) {
          lineNos.add(((GenericRecord) line).get("line_no").toString());
        }
        actual.add(order.get("order_id") + ":" + String.join(",", lineNos));
      }
      actual.sort(null);
      List<String> wanted = new ArrayList<>(day.getValue());
      wanted.sort(null);
      assertEquals(wanted, actual, "orders and their lines on " + day.getKey());
    }
  }

  private static int ingest(String day) throws Exception {
    return ingest(day, clusterConf());
  }

  private static int ingest(String day, Configuration conf) throws Exception {
    conf.setLong("mapreduce.input.fileinputformat.split.maxsize", SPLIT_BYTES);
    return ToolRunner.run(conf, new IngestEventsJob(), new String[] {
        "--root", fs.makeQualified(ROOT).toString(), "--date", day});
  }

  /**
   * Runs a job on the sample's small CSV exports in Hadoop's local mode over this HDFS: what is tested here
   * is what the jobs write to HDFS files, record by record. The same jobs run on YARN as Oozie actions in
   * oozie-it (PipelineAppsIT, with the books of both days), and in separate task JVMs over a multi-block
   * export in IngestOrdersMultiBlockIT; an application master here would add about 11 s a job and nothing
   * else.
   */
  private static int run(Tool job, String day) throws Exception {
    return ToolRunner.run(localOverHdfs(), job, new String[] {"--root", fs.makeQualified(ROOT).toString(),
        "--date", day});
  }

  /** The cluster's HDFS, jobs run in this JVM (LocalJobRunner) instead of on YARN. */
  private static Configuration localOverHdfs() throws IOException {
    Configuration conf = clusterConf();
    conf.set(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME);
    return conf;
  }

  private static Configuration clusterConf() throws IOException {
    Configuration conf = new Configuration(yarn.getConfig());
    conf.setInt(MRJobConfig.MAP_MAX_ATTEMPTS, 1);
    conf.setInt(MRJobConfig.REDUCE_MAX_ATTEMPTS, 1);
    // Every container here lives seconds on a few KB: the client compiler alone and the serial collector
    // start it with less CPU, which on two cores is what each job waits for.
    conf.set(MRJobConfig.MR_AM_ADMIN_COMMAND_OPTS, SHORT_LIVED_JVM);
    conf.set(MRJobConfig.MAP_JAVA_OPTS, SHORT_LIVED_JVM);
    conf.set(MRJobConfig.REDUCE_JAVA_OPTS, SHORT_LIVED_JVM);
    return conf;
  }

  /** Rows of a TSV of test-data/expected, header left out. */
  private static List<String[]> tsv(String name) throws IOException {
    List<String> lines = Files.readAllLines(TestData.expected(name));
    return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
  }

  private static GenericRecord curatedAt(String day, String file, long line) throws IOException {
    List<GenericRecord> matches = AvroPartitions.read(fs, partition("curated", day)).stream()
        .filter(r -> relative(r.get("source_file")).equals(file) && r.get("source_line").equals(line))
        .toList();
    assertEquals(1, matches.size(), file + ":" + line);
    return matches.get(0);
  }

  private static BigDecimal decimal(GenericRecord record, String field) {
    Schema schema = record.getSchema().getField(field).schema().getTypes().get(1);
    return new Conversions.DecimalConversion().fromBytes((ByteBuffer) record.get(field), schema,
        schema.getLogicalType());
  }

  private static org.apache.hadoop.fs.Path partition(String zone, String day) {
    return partition(zone, "events", day);
  }

  private static org.apache.hadoop.fs.Path partition(String zone, String dataset, String day) {
    return new org.apache.hadoop.fs.Path(ROOT, zone + "/" + dataset + "/dt=" + day);
  }

  /** A source path relative to the warehouse root, as the expectations name files. */
  private static String relative(Object sourceFile) {
    String path = new org.apache.hadoop.fs.Path(sourceFile.toString()).toUri().getPath();
    String root = ROOT.toUri().getPath() + "/";
    return path.substring(path.indexOf(root) + root.length());
  }

  private static List<String> sortedText(List<GenericRecord> records) {
    return records.stream().map(Object::toString).sorted(Comparator.naturalOrder()).toList();
  }
}
