package io.mrsuite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.jobs.ingest.csv.IngestOrdersJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapred.MiniMRClientCluster;
import org.apache.hadoop.mapred.MiniMRClientClusterFactory;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest-orders on HDFS over CSV files of several 512 KiB blocks, full of quoted notes with commas, doubled
 * quotes and line breaks: the splittable CSV format cuts them into several map tasks and the curated
 * orders are exactly the ones written, each with exactly its lines.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class IngestOrdersMultiBlockIT {
  private static final org.apache.hadoop.fs.Path ROOT = new org.apache.hadoop.fs.Path("/warehouse");
  private static final String DAY = "2026-11-20";
  /** Below HDFS's default minimum (1 MiB), allowed by the cluster's configuration, to keep the files small. */
  private static final long BLOCK_BYTES = 512 * 1024;
  private static final int ORDERS = 20_000;

  @TempDir
  static Path tmp;

  private static MiniDFSCluster dfs;
  private static MiniMRClientCluster yarn;
  private static FileSystem fs;

  @BeforeAll
  static void startCluster() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    conf.setLong("dfs.namenode.fs-limits.min-block-size", BLOCK_BYTES);
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    fs = dfs.getFileSystem();
    yarn = MiniMRClientClusterFactory.create(IngestOrdersMultiBlockIT.class, 1, fs.getConf());
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
  void multiBlockCsvIsSplitAndReadExactlyOnce() throws Exception {
    Export export = new Export(new Random(20261120));
    write("raw/orders/dt=" + DAY + "/orders-00001.csv", export.orders.toString());
    write("raw/order_lines/dt=" + DAY + "/order_lines-00001.csv", export.lines.toString());
    assertTrue(fs.getFileStatus(new org.apache.hadoop.fs.Path(ROOT, "raw/orders/dt=" + DAY + "/orders-00001.csv"))
        .getLen() > 3 * BLOCK_BYTES, "the orders file spans several blocks");

    Configuration conf = new Configuration(yarn.getConfig());
    conf.setInt(MRJobConfig.MAP_MAX_ATTEMPTS, 1);
    conf.setInt(MRJobConfig.NUM_REDUCES, 2);
    // Splits of a block each: the job packs small files into 128 MiB splits, which would hold this file whole.
    conf.setLong(FileInputFormat.SPLIT_MAXSIZE, BLOCK_BYTES);
    assertEquals(0, ToolRunner.run(conf, new IngestOrdersJob(),
        new String[] {"--root", fs.makeQualified(ROOT).toString(), "--date", DAY}));

    org.apache.hadoop.fs.Path curated = new org.apache.hadoop.fs.Path(ROOT, "curated/orders/dt=" + DAY);
    JsonNode manifest;
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(curated, "_manifest.json"))) {
      manifest = new ObjectMapper().readTree(in);
    }
    assertTrue(manifest.get("map_tasks").asLong() > 2, "map tasks: " + manifest.get("map_tasks"));
    JsonNode records = manifest.get("records");
    assertEquals(export.rows, records.get("read").asLong());
    assertEquals(export.writtenRecords, records.get("written").asLong());
    assertEquals(export.rows - export.writtenRecords, records.get("quarantined").asLong());
    assertEquals(export.invalidOrders, records.get("quarantined_by_reason").get("INVALID_VALUE").asLong());
    assertEquals(export.orphanLines, records.get("quarantined_by_reason").get("ORPHAN_LINE").asLong());

    List<String> actual = new ArrayList<>();
    for (GenericRecord order : AvroPartitions.read(fs, curated)) {
      actual.add(describe(order));
    }
    actual.sort(null);
    export.expected.sort(null);
    assertEquals(export.expected, actual);
  }

  private static void write(String relative, String content) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(ROOT, relative);
    try (OutputStream out = fs.create(path, true, 64 * 1024, (short) 1, BLOCK_BYTES)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String describe(GenericRecord order) {
    StringBuilder text = new StringBuilder(order.get("order_id") + "|" + decimal(order, "total") + "|"
        + order.get("notes") + "|");
    for (Object line : (List<?>) order.get("lines")) {
      GenericRecord l = (GenericRecord) line;
      text.append(l.get("line_no")).append(':').append(l.get("product_id")).append(':').append(l.get("quantity"))
          .append(':').append(decimal(l, "unit_price")).append(';');
    }
    return text.toString();
  }

  private static BigDecimal decimal(GenericRecord record, String field) {
    Schema schema = record.getSchema().getField(field).schema();
    return new Conversions.DecimalConversion().fromBytes((ByteBuffer) record.get(field), schema,
        schema.getLogicalType());
  }

  /** A day's export written by the test, with what ingest must make of it. */
  private static final class Export {
    final StringBuilder orders = new StringBuilder(
        "order_id,user_id,order_time,status,currency,subtotal,shipping,tax,total,shipping_country,notes\n");
    final StringBuilder lines = new StringBuilder("order_id,line_no,product_id,quantity,unit_price\n");
    final List<String> expected = new ArrayList<>();
    long rows;
    long writtenRecords;
    long invalidOrders;
    long orphanLines;

    Export(Random random) {
      for (int i = 1; i <= ORDERS; i++) {
        String id = "O-" + i;
        boolean valid = i % 97 != 0;
        String notes = notes(random, i);
        int cents = 1000 + random.nextInt(90_000);
        String subtotal = cents / 100 + "." + String.format("%02d", cents % 100);
        orders.append(id).append(",u-").append(i).append(",2026-11-20T10:00:00Z,")
            .append(valid ? "paid" : "lost").append(",EUR,").append(subtotal).append(",0.00,0.00,")
            .append(subtotal).append(",DE,").append(csvField(notes)).append(i % 3 == 0 ? "\r\n" : "\n");
        rows++;
        StringBuilder expectedLines = new StringBuilder();
        int lineCount = 1 + random.nextInt(3);
        for (int n = 1; n <= lineCount; n++) {
          String product = "P-" + random.nextInt(500);
          int quantity = 1 + random.nextInt(4);
          lines.append(id).append(',').append(n).append(',').append(product).append(',').append(quantity)
              .append(",9.99\n");
          rows++;
          expectedLines.append(n).append(':').append(product).append(':').append(quantity).append(":9.99;");
        }
        if (valid) {
          expected.add(id + "|" + subtotal + "|" + (notes.isEmpty() ? "null" : notes) + "|" + expectedLines);
          writtenRecords += 1 + lineCount;
        } else {
          invalidOrders++;
          orphanLines += lineCount;
        }
      }
    }

    /** Mostly plain notes; some with commas, quotes and line breaks, some that look like CSV rows. */
    private static String notes(Random random, int i) {
      switch (random.nextInt(10)) {
        case 0:
          return "leave at door, \"side\" gate\nring twice";
        case 1:
          return "O-" + (i + 1) + ",u-1,2026-11-20T10:00:00Z,paid,EUR,1.00,0.00,0.00,1.00,DE,\r\nnot a row";
        case 2:
          return "";
        case 3:
          return "gift \"\"wrap\"\" please";
        default:
          return "note " + i;
      }
    }

    private static String csvField(String text) {
      return text.isEmpty() ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }
  }
}
