package io.mrsuite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.jobs.ingest.IngestEventsJob;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapred.MiniMRClientCluster;
import org.apache.hadoop.mapred.MiniMRClientClusterFactory;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest-events on a real HDFS + YARN (MiniDFSCluster, MiniMRYarnCluster) over the sample warehouse: the
 * books and every quarantined line match the hand-checked expectations, and a rerun replaces the
 * partitions with identical records.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class IngestEventsIT {
  private static final org.apache.hadoop.fs.Path ROOT = new org.apache.hadoop.fs.Path("/warehouse");
  /** Small enough that the sample's files are packed into more than one split. */
  private static final long SPLIT_BYTES = 64 * 1024;

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
    yarn = MiniMRClientClusterFactory.create(IngestEventsIT.class, 1, fs.getConf());
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

    assertEquals(0, ingest(day));

    assertEquals(curatedBefore, sortedText(AvroPartitions.read(fs, partition("curated", day))));
    assertEquals(quarantineBefore, sortedText(AvroPartitions.read(fs, partition("quarantine", day))));
    for (String zone : List.of("curated", "quarantine")) {
      FileStatus[] siblings = fs.listStatus(new org.apache.hadoop.fs.Path(ROOT, zone + "/events"));
      assertEquals(expected.days().stream().map(d -> "dt=" + d).sorted().toList(),
          Arrays.stream(siblings).map(s -> s.getPath().getName()).sorted().toList(),
          "no staging or replaced directories left in " + zone);
    }
  }

  private static int ingest(String day) throws Exception {
    Configuration conf = new Configuration(yarn.getConfig());
    conf.setInt(MRJobConfig.MAP_MAX_ATTEMPTS, 1);
    conf.setLong("mapreduce.input.fileinputformat.split.maxsize", SPLIT_BYTES);
    return ToolRunner.run(conf, new IngestEventsJob(), new String[] {
        "--root", fs.makeQualified(ROOT).toString(), "--date", day});
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
    return new org.apache.hadoop.fs.Path(ROOT, zone + "/events/dt=" + day);
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
