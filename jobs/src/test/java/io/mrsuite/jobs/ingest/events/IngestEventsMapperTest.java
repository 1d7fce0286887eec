package io.mrsuite.jobs.ingest.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.text.LineScanner;
import io.mrsuite.formats.text.RawLine;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.PartitionDate;
import io.mrsuite.jobs.run.RecordCounters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.mapreduce.AvroKeyOutputFormat;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest mapper on every kind of line: exact curated records through MRUnit's output, exact
 * quarantine records read back from the files AvroMultipleOutputs wrote, and exact counters.
 */
class IngestEventsMapperTest {
  private static final LocalDate ARRIVAL = LocalDate.of(2026, 11, 20);
  private static final String FILE = "hdfs://nn/wh/raw/events/dt=2026-11-20/hr=10/events-1.jsonl";
  private static final int MAX_LINE_BYTES = 200;
  private static final String VALID_VIEW = "{\"event_id\":\"e1\",\"event_type\":\"product_view\","
      + "\"event_time\":\"2026-11-20T10:00:00.123456+01:00\",\"anonymous_id\":\"a1\",\"product_id\":\"p7\","
      + "\"country\":\"DE\",\"campaign\":\"xmas\",\"context\":{\"ab\":[1,2]}}";
  private static final String VALID_PURCHASE = "{\"event_id\":\"e2\",\"event_type\":\"purchase\","
      + "\"event_time\":1795132800000,\"anonymous_id\":\"a1\",\"user_id\":\"u9\",\"product_id\":\"p7\","
      + "\"quantity\":3,\"price\":\"19.9\",\"currency\":\"EUR\",\"order_id\":\"o5\"}";

  @TempDir
  Path outputDir;

  private Configuration conf;

  @BeforeEach
  void configure() throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, io.mrsuite.formats.avro.CuratedDataModel.class);
    AvroJob.setOutputKeySchema(job, Event.getClassSchema());
    // MRUnit copies each output pair through the map-output serialization, so it needs the schema there too.
    AvroJob.setMapOutputKeySchema(job, Event.getClassSchema());
    AvroMultipleOutputs.addNamedOutput(job, CuratedRun.QUARANTINE_OUTPUT, AvroKeyOutputFormat.class,
        QuarantineRecord.getClassSchema());
    AvroMultipleOutputs.setCountersEnabled(job, true);
    conf = job.getConfiguration();
    PartitionDate.set(conf, ARRIVAL);
    IngestEventsKeys.setLateDays(conf, 1);
    conf.set("mapreduce.output.fileoutputformat.outputdir", outputDir.toUri().toString());
  }

  @Test
  void validLinesBecomeExactCuratedEvents() throws IOException {
    List<Pair<AvroKey<Event>, NullWritable>> output = driver(lines(VALID_VIEW + "\n" + VALID_PURCHASE + "\n")).run();

    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("campaign", "xmas");
    attributes.put("context", "{\"ab\":[1,2]}");
    Event view = Event.newBuilder()
        .setEventId("e1").setEventType(EventType.product_view)
        .setEventTime(Instant.parse("2026-11-20T09:00:00.123Z")).setAnonymousId("a1")
        .setUserId(null).setProductId("p7").setQuantity(1).setPrice(null).setCurrency(null).setOrderId(null)
        .setCountry("DE").setPageUrl(null).setReferrer(null).setUserAgent(null).setIp(null).setSearchQuery(null)
        .setAttributes(attributes).setArrivalDate(ARRIVAL)
        .setSourceFile(FILE).setSourceOffset(0).setSourceLine(1)
        .build();
    Event purchase = Event.newBuilder()
        .setEventId("e2").setEventType(EventType.purchase)
        .setEventTime(Instant.parse("2026-11-20T00:00:00Z")).setAnonymousId("a1")
        .setUserId("u9").setProductId("p7").setQuantity(3).setPrice(new BigDecimal("19.90")).setCurrency("EUR")
        .setOrderId("o5").setCountry(null).setPageUrl(null).setReferrer(null).setUserAgent(null).setIp(null)
        .setSearchQuery(null).setAttributes(Map.of()).setArrivalDate(ARRIVAL)
        .setSourceFile(FILE).setSourceOffset(VALID_VIEW.length() + 1).setSourceLine(2)
        .build();
    assertEquals(List.of(view, purchase), output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(), quarantined());
  }

  @Test
  void everyReasonIsQuarantinedWithItsLineAndCounted() throws IOException {
    String oversized = "{\"event_id\":\"" + "x".repeat(MAX_LINE_BYTES) + "\"}";
    byte[] badUtf8 = "{\"event_id\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    badUtf8[14] = (byte) 0xC0;
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    List<String> texts = List.of(
        "",
        "{\"event_id\":\"e3\",\"event_id\":\"e3\"}",
        "{\"event_type\":\"page_view\",\"event_time\":\"2026-11-20T10:00:00Z\",\"anonymous_id\":\"a\"}",
        "{\"event_id\":\"e4\",\"event_type\":\"click\",\"event_time\":\"2026-11-20T10:00:00Z\",\"anonymous_id\":\"a\"}",
        "{\"event_id\":\"e5\",\"event_type\":\"search\",\"event_time\":\"2026-11-18T23:59:59.999Z\",\"anonymous_id\":\"a\"}",
        "{\"event_id\":\"e6\",\"event_type\":\"search\",\"event_time\":\"2026-11-21T00:00:00Z\",\"anonymous_id\":\"a\"}",
        oversized);
    for (String text : texts) {
      file.write(text.getBytes(StandardCharsets.UTF_8));
      file.write('\n');
    }
    int badUtf8Offset = file.size();
    file.write(badUtf8);
    file.write('\n');
    int truncatedOffset = file.size();
    file.write("{\"event_id\":\"e7\",".getBytes(StandardCharsets.UTF_8));

    MapDriver<LongWritable, RawLine, AvroKey<Event>, NullWritable> driver = driver(brokenAfter(file.toByteArray()));
    assertEquals(List.of(), driver.run());

    List<QuarantineRecord> records = quarantined();
    List<String> summary = records.stream()
        .map(r -> r.getLineNumber() + " " + r.getByteOffset() + " " + r.getReason()).toList();
    int offset2 = 1;
    int offset3 = offset2 + texts.get(1).length() + 1;
    int offset4 = offset3 + texts.get(2).length() + 1;
    int offset5 = offset4 + texts.get(3).length() + 1;
    int offset6 = offset5 + texts.get(4).length() + 1;
    int offset7 = offset6 + texts.get(5).length() + 1;
    assertEquals(List.of(
        "2 " + offset2 + " MALFORMED_JSON",
        "3 " + offset3 + " MISSING_FIELD",
        "4 " + offset4 + " INVALID_VALUE",
        "5 " + offset5 + " LATE",
        "6 " + offset6 + " FUTURE",
        "7 " + offset7 + " RECORD_TOO_LARGE",
        "8 " + badUtf8Offset + " INVALID_ENCODING",
        "9 " + truncatedOffset + " TRUNCATED_INPUT"), summary);
    QuarantineRecord missing = records.get(1);
    assertEquals("events", missing.getDataset());
    assertEquals(FILE, missing.getSourceFile());
    assertEquals(texts.get(2), missing.getRawText());
    assertEquals("event_id is absent", missing.getDetail());
    assertEquals("{\"event_id\":\"e7\",", records.get(7).getRawText());
    assertEquals(oversized.length(), records.get(5).getRawLength());

    Counters counters = driver.getCounters();
    assertEquals(9, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(0, counters.findCounter(RecordCounters.WRITTEN).getValue());
    assertEquals(1, counters.findCounter(RecordCounters.SKIPPED).getValue());
    assertEquals(8, counters.findCounter(RecordCounters.QUARANTINED).getValue());
    for (QuarantineReason reason : List.of(QuarantineReason.MALFORMED_JSON, QuarantineReason.MISSING_FIELD,
        QuarantineReason.INVALID_VALUE, QuarantineReason.LATE, QuarantineReason.FUTURE,
        QuarantineReason.RECORD_TOO_LARGE, QuarantineReason.INVALID_ENCODING, QuarantineReason.TRUNCATED_INPUT)) {
      assertEquals(1, counters.findCounter(reason).getValue(), reason.name());
    }
    assertEquals(8, counters.findCounter(AvroMultipleOutputs.class.getName(),
        CuratedRun.QUARANTINE_BASE_PATH).getValue());
  }

  private MapDriver<LongWritable, RawLine, AvroKey<Event>, NullWritable> driver(List<RawLine> lines) {
    MapDriver<LongWritable, RawLine, AvroKey<Event>, NullWritable> driver =
        MapDriver.newMapDriver(new IngestEventsMapper()).withConfiguration(conf);
    for (RawLine line : lines) {
      driver.withInput(new LongWritable(line.offset()), line);
    }
    return driver;
  }

  private List<RawLine> lines(String content) throws IOException {
    return scan(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  /** The bytes, then the EOFException a truncated gzip stream throws. */
  private List<RawLine> brokenAfter(byte[] bytes) throws IOException {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new EOFException("Unexpected end of input stream");
      }
    };
    return scan(new SequenceInputStream(new ByteArrayInputStream(bytes), broken));
  }

  private List<RawLine> scan(InputStream in) throws IOException {
    LineScanner scanner = new LineScanner(in, FILE, MAX_LINE_BYTES, e -> e instanceof EOFException);
    List<RawLine> lines = new ArrayList<>();
    RawLine line = new RawLine();
    while (scanner.next(line)) {
      // The scanner reuses its buffers, as Hadoop readers do: keep copies.
      lines.add(WritableUtils.clone(line, conf));
    }
    return lines;
  }

  /** Quarantine records in the order written, from the files AvroMultipleOutputs left under the output dir. */
  private List<QuarantineRecord> quarantined() throws IOException {
    List<File> files;
    try (Stream<Path> paths = Files.walk(outputDir)) {
      files = paths.filter(p -> p.toString().endsWith(".avro") && p.toString().contains("/quarantine/"))
          .map(Path::toFile).sorted().toList();
    }
    List<QuarantineRecord> records = new ArrayList<>();
    for (File f : files) {
      try (DataFileReader<QuarantineRecord> reader =
          new DataFileReader<>(f, new SpecificDatumReader<>(QuarantineRecord.class))) {
        reader.forEach(records::add);
      }
    }
    return records;
  }
}
