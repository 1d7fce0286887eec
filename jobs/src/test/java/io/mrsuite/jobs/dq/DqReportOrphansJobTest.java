package io.mrsuite.jobs.dq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dq-report on a warehouse holding a revenue_daily partition (the mart is built elsewhere; its rows are
 * written here in its contract shape) and an incomplete partition: the orphan purchases are summed by
 * country and checked, the incomplete partition is a finding and a failed check, and is not profiled.
 */
class DqReportOrphansJobTest {
  private static final String DAY = "2026-11-20";
  private static final Schema DATE = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
  private static final Schema REVENUE_DAILY = SchemaBuilder.record("RevenueDaily").fields()
      .optionalString("country")
      .requiredLong("orders")
      .requiredLong("orphan_purchases")
      .name("event_date").type(DATE).noDefault()
      .endRecord();

  @TempDir
  Path root;

  @Test
  void orphanPurchasesFromRevenueDailyAndAnIncompletePartitionFailTheDay() throws Exception {
    Path mart = root.resolve("marts/revenue_daily/dt=" + DAY);
    writeRows(mart.resolve("part-r-00000.parquet"), row("DE", 4, 0), row(null, 0, 2), row("FR", 1, 1));
    Files.createFile(mart.resolve("_SUCCESS"));
    Files.createDirectories(root.resolve("curated/events/dt=" + DAY));

    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    int exit = ToolRunner.run(conf, new DqReportJob(), new String[] {"--root", root.toString(), "--date", DAY});

    assertEquals(DqReportJob.EXIT_CHECKS_FAILED, exit);
    JsonNode report = new ObjectMapper().readTree(root.resolve("reports/dq/dt=" + DAY + "/dq.json").toFile());
    assertEquals(List.of("incomplete_partitions", "orphan_purchases"), texts(report.path("failed_checks")));
    JsonNode orphans = report.path("orphan_purchases");
    assertTrue(orphans.path("available").asBoolean());
    assertEquals(3, orphans.path("total").asLong());
    assertEquals("{\"(none)\":2,\"DE\":0,\"FR\":1}", orphans.path("by_country").toString());
    assertTrue(report.path("findings").toString().contains("curated/events dt=" + DAY + " is incomplete"));
    JsonNode datasets = report.path("datasets");
    assertEquals("curated/events", datasets.get(0).path("dataset").asText());
    assertEquals(false, datasets.get(0).path("complete").asBoolean());
    assertTrue(datasets.get(0).path("columns").isMissingNode());
    JsonNode columns = datasets.get(1).path("columns");
    assertEquals(3, datasets.get(1).path("records").asLong());
    assertEquals(1, columns.path("country").path("nulls").asLong());
    assertEquals("2026-11-20", columns.path("event_date").path("min").asText());
    assertEquals(2, columns.path("orphan_purchases").path("max").asLong());
  }

  /** The gate of a rerun: the published revenue_daily of the day before is not what the rerun will build. */
  @Test
  void beforeTheMartsAPublishedRevenueDailyIsLeftOut() throws Exception {
    Path mart = root.resolve("marts/revenue_daily/dt=" + DAY);
    writeRows(mart.resolve("part-r-00000.parquet"), row("FR", 1, 5));
    Files.createFile(mart.resolve("_SUCCESS"));

    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    int exit = ToolRunner.run(conf, new DqReportJob(), new String[] {"--root", root.toString(), "--date", DAY,
        "--before-marts"});

    JsonNode report = new ObjectMapper().readTree(root.resolve("reports/dq/dt=" + DAY + "/dq.json").toFile());
    assertEquals(List.of(), texts(report.path("failed_checks")));
    assertEquals(0, exit);
    assertEquals(false, report.path("orphan_purchases").path("available").asBoolean());
    assertTrue(report.path("datasets").isEmpty() || !report.path("datasets").toString().contains("revenue_daily"),
        report.path("datasets").toString());
  }

  private static GenericRecord row(String country, long orders, long orphans) {
    GenericRecord row = new GenericData.Record(REVENUE_DAILY);
    row.put("country", country);
    row.put("orders", orders);
    row.put("orphan_purchases", orphans);
    row.put("event_date", (int) LocalDate.parse(DAY).toEpochDay());
    return row;
  }

  private static void writeRows(Path file, GenericRecord... rows) throws IOException {
    Files.createDirectories(file.getParent());
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toString()), new Configuration())).withSchema(REVENUE_DAILY).build()) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
