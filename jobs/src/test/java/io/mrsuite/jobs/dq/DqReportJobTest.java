package io.mrsuite.jobs.dq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.jobs.dedup.DedupEventsJob;
import io.mrsuite.jobs.enrich.EnrichEventsJob;
import io.mrsuite.jobs.funnel.FunnelDailyJob;
import io.mrsuite.jobs.ingest.csv.IngestFxJob;
import io.mrsuite.jobs.ingest.csv.IngestOrdersJob;
import io.mrsuite.jobs.ingest.csv.IngestProductsJob;
import io.mrsuite.jobs.ingest.events.IngestEventsJob;
import io.mrsuite.jobs.productdaily.ProductDailyJob;
import io.mrsuite.jobs.run.OozieAction;
import io.mrsuite.jobs.sessionize.SessionizeJob;
import io.mrsuite.jobs.topproducts.TopProductsJob;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dq-report in local mode over the sample warehouse after the whole chain of 2026-11-20: its books equal the
 * run manifests and the independent expectations of test-data/expected, its null counts and event_time range
 * equal a plain read of the curated Avro, and a quarantine threshold below the sample's rate fails the day
 * (exit code, named check, Oozie capture-output) while thresholds above every rate pass it.
 */
class DqReportJobTest {
  private static final String DAY = "2026-11-20";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path root;
  @TempDir
  static Path scratch;

  @BeforeAll
  static void runTheSampleChain() throws Exception {
    for (String dataset : List.of("events", "orders", "order_lines", "products", "fx_rates")) {
      FileUtils.copyDirectory(Paths.get("..", "test-data", "warehouse", "raw", dataset).toFile(),
          root.resolve("raw").resolve(dataset).toFile());
    }
    run(new IngestEventsJob(), "--date", DAY);
    run(new IngestEventsJob(), "--date", "2026-11-21");
    run(new IngestOrdersJob(), "--date", DAY);
    run(new IngestProductsJob(), "--date", DAY);
    run(new IngestFxJob(), "--date", DAY);
    run(new DedupEventsJob(), "--date", DAY);
    run(new EnrichEventsJob(), "--date", DAY);
    run(new SessionizeJob(), "--date", DAY);
    run(new ProductDailyJob(), "--date", DAY);
    run(new FunnelDailyJob(), "--date", DAY);
    run(new TopProductsJob(), "--date", DAY);
  }

  @Test
  void aQuarantineThresholdBelowTheSampleRateFailsTheDay() throws Exception {
    Path thresholds = thresholds("quarantine.rate.max=0.40\nquarantine.rate.max.events=0.10\n");
    Path captured = scratch.resolve("oozie-action.properties");
    System.setProperty(OozieAction.OUTPUT_PROPERTIES, captured.toString());
    int exit;
    try {
      exit = dqReport(DAY, "--thresholds", thresholds.toString());
    } finally {
      System.clearProperty(OozieAction.OUTPUT_PROPERTIES);
    }

    assertEquals(DqReportJob.EXIT_CHECKS_FAILED, exit);
    JsonNode report = report(DAY);
    assertEquals("FAIL", report.path("verdict").asText());
    assertEquals(List.of("quarantine_rate:curated/events"), texts(report.path("failed_checks")));
    JsonNode check = checkNamed(report, "quarantine_rate:curated/events");
    assertEquals("38 of 277 read", check.path("detail").asText());
    assertEquals(0, check.path("limit").decimalValue().compareTo(new BigDecimal("0.10")));
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(captured)) {
      properties.load(in);
    }
    assertEquals("FAIL", properties.getProperty(DqReportJob.VERDICT_KEY));
    assertEquals("quarantine_rate:curated/events", properties.getProperty(DqReportJob.FAILED_CHECKS_KEY));
    assertEquals(root.resolve("reports/dq/dt=" + DAY + "/dq.json").toUri().getPath(),
        new org.apache.hadoop.fs.Path(properties.getProperty(DqReportJob.REPORT_KEY)).toUri().getPath());
  }

  @Test
  void thresholdsAboveEveryRatePassAndTheBooksEqualTheManifests() throws Exception {
    assertEquals(0, dqReport(DAY, "--thresholds", thresholds("quarantine.rate.max=0.40\n").toString()));

    JsonNode report = report(DAY);
    assertEquals("PASS", report.path("verdict").asText());
    assertEquals(List.of(), texts(report.path("failed_checks")));
    JsonNode expected = JSON.readTree(Paths.get("..", "test-data", "expected", "ingest-events.json").toFile())
        .path("days").path(DAY);
    JsonNode events = dataset(report, "curated/events");
    JsonNode run = events.path("run");
    assertEquals(expected.path("read").asLong(), run.path("read").asLong());
    assertEquals(expected.path("written").asLong(), run.path("written").asLong());
    assertEquals(expected.path("quarantined").asLong(), run.path("quarantined").asLong());
    assertEquals(map(expected.path("by_reason")), map(run.path("quarantined_by_reason")));
    assertEquals(expected.path("written").asLong(), events.path("records").asLong());
    assertEquals(expected.path("quarantined").asLong(), dataset(report, "quarantine/events").path("records").asLong());
    JsonNode dedup = JSON.readTree(Paths.get("..", "test-data", "expected", "dedup-events.json").toFile())
        .path("days").path(DAY);
    JsonNode duplicates = checkNamed(report, DqChecks.DUPLICATE_RATE);
    assertEquals(dedup.path("duplicates_removed").asLong() + " duplicates of " + dedup.path("read").asLong() + " read",
        duplicates.path("detail").asText());
    assertEquals(dedup.path("written").asLong(), dataset(report, "curated/events_dedup").path("records").asLong());

    List<Event> curated = readEvents(root.resolve("curated/events/dt=" + DAY));
    JsonNode columns = events.path("columns");
    assertEquals(curated.stream().filter(e -> e.getUserId() == null).count(), columns.path("user_id").path("nulls").asLong());
    assertEquals(curated.stream().filter(e -> e.getCountry() == null).count(), columns.path("country").path("nulls").asLong());
    assertEquals(curated.stream().filter(e -> e.getPrice() == null).count(), columns.path("price").path("nulls").asLong());
    assertEquals(0, columns.path("event_id").path("nulls").asLong());
    assertEquals(curated.stream().map(Event::getEventTime).min(Instant::compareTo).orElseThrow().toString(),
        columns.path("event_time").path("min").asText());
    assertEquals(curated.stream().map(Event::getEventTime).max(Instant::compareTo).orElseThrow().toString(),
        columns.path("event_time").path("max").asText());
    assertEquals("timestamp-millis", columns.path("event_time").path("type").asText());
    long ids = dedup.path("written").asLong();
    for (String[] column : new String[][] {{"curated/events_dedup", "event_id"},
        {"curated/events_enriched", "event.event_id"}}) {
      JsonNode distinct = dataset(report, column[0]).path("columns").path(column[1]).path("distinct");
      assertTrue(distinct.path("lower_bound").asLong() <= ids && ids <= distinct.path("upper_bound").asLong(),
          column[0] + " " + column[1] + ": " + distinct);
      // Below a few hundred values the sketch holds the values' hashes: the estimate is the count.
      assertEquals(ids, distinct.path("estimate").asLong(), column[0] + " " + column[1]);
    }
    assertTrue(report.path("findings").toString().contains("orphan purchases not checked"),
        report.path("findings").toString());
  }

  @Test
  void thePageIsOneSelfContainedFileWithTheVerdictFirstAndInlineSvg() throws Exception {
    dqReport(DAY, "--thresholds", thresholds("quarantine.rate.max.events=0.10\n").toString());

    Path partition = root.resolve("reports/dq/dt=" + DAY);
    assertEquals(List.of("_SUCCESS", "dq.html", "dq.json"), visibleFiles(partition));
    String html = Files.readString(partition.resolve("dq.html"), StandardCharsets.UTF_8);
    assertFalse(html.contains("http"), "no link out");
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.contains("<link"), "no stylesheet from elsewhere");
    assertTrue(html.indexOf("class=\"verdict FAIL\"") < html.indexOf("<svg"), "verdict first");
    assertTrue(html.contains("<svg"));
    assertTrue(html.contains(">INVALID_ENCODING</text>"), "quarantine reasons charted");
  }

  @Test
  void theNextDaysPageShowsTheEarlierReportInItsTrend() throws Exception {
    Path thresholds = thresholds("quarantine.rate.max=0.40\n");
    dqReport(DAY, "--thresholds", thresholds.toString());
    dqReport("2026-11-21", "--thresholds", thresholds.toString(), "--on-fail", "report");

    String html = Files.readString(root.resolve("reports/dq/dt=2026-11-21/dq.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("1 earlier report(s) found"), html);
    assertTrue(html.contains("<title>" + DAY + " PASS</title>"), "the earlier day's verdict in the trend");
  }

  private static int dqReport(String date, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--root", root.toString(), "--date", date));
    args.addAll(List.of(options));
    return ToolRunner.run(localConf(), new DqReportJob(), args.toArray(new String[0]));
  }

  private static void run(Tool job, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--root", root.toString()));
    all.addAll(List.of(args));
    assertEquals(0, ToolRunner.run(localConf(), job, all.toArray(new String[0])), job.getClass().getSimpleName());
  }

  private static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    return conf;
  }

  private static Path thresholds(String text) throws IOException {
    Path file = Files.createTempFile(scratch, "dq-thresholds", ".properties");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static JsonNode report(String date) throws IOException {
    return JSON.readTree(root.resolve("reports/dq/dt=" + date + "/dq.json").toFile());
  }

  private static JsonNode dataset(JsonNode report, String label) {
    for (JsonNode dataset : report.path("datasets")) {
      if (dataset.path("dataset").asText().equals(label)) {
        return dataset;
      }
    }
    throw new AssertionError("no dataset " + label + " in the report");
  }

  private static JsonNode checkNamed(JsonNode report, String name) {
    for (JsonNode check : report.path("checks")) {
      if (check.path("name").asText().equals(name)) {
        return check;
      }
    }
    throw new AssertionError("no check " + name + " in the report");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static Map<String, Long> map(JsonNode object) {
    Map<String, Long> map = new TreeMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
    return map;
  }

  private static List<String> visibleFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  private static List<Event> readEvents(Path partition) throws IOException {
    List<Event> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(partition)) {
      for (File part : files.filter(p -> p.getFileName().toString().startsWith("part-")).map(Path::toFile).toList()) {
        try (DataFileReader<Event> reader = new DataFileReader<>(part, new SpecificDatumReader<>(Event.class))) {
          reader.forEach(events::add);
        }
      }
    }
    return events;
  }
}
