package io.mrsuite.jobs.ingest.csv;

import static io.mrsuite.jobs.ingest.csv.KeyedIngestTests.quarantine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderLine;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OrderLinesMapper: a valid line goes under its order_id as kind 1 (after the order) with its line_no as
 * sequence, wrapped with its order_id; every rejection is an exact quarantine record of dataset order_lines.
 */
class OrderLinesMapperTest {
  private static final LocalDate EXPORT = LocalDate.of(2026, 11, 21);

  @TempDir
  Path outputDir;
  @TempDir
  Path rawDir;

  private Configuration conf;
  private Path file;
  private String source;

  @BeforeEach
  void configure() throws IOException {
    conf = KeyedIngestTests.taskConf(EXPORT, Order.getClassSchema(), outputDir);
    file = rawDir.resolve("order_lines/dt=2026-11-21/order_lines-1.csv");
    source = CsvFile.sourceFile(file);
  }

  @Test
  void validLinesAreKeyedByOrderIdAfterTheOrderInLineNoOrder() throws IOException {
    CsvFile csv = new CsvFile(CommerceColumns.ORDER_LINES);
    int two = csv.row("o-1,2,p-9,3,19.99");
    int one = csv.row("o-1,1,\"p,1\",1,5");
    int emptyCrlf = csv.row(new byte[0], "\r\n");
    int big = csv.row("o-2,10000,p-2,10000,0.5".getBytes(StandardCharsets.UTF_8), "");

    MapDriver<LongWritable, ?, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(new OrderLinesMapper(), conf, csv.writeAndRead(file, conf));
    List<? extends Pair<AvroKey<JoinKey>, AvroValue<SourcedRecord>>> output = driver.run();

    assertEquals(List.of(
        new JoinKey("o-1", 1, 2, source, csv.offset(two)),
        new JoinKey("o-1", 1, 1, source, csv.offset(one)),
        new JoinKey("o-2", 1, 10000, source, csv.offset(big))),
        output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(
        new SourcedRecord(entry("o-1", 2, "p-9", 3, "19.99"), "order_lines", source, csv.offset(two), 2L,
            "o-1,2,p-9,3,19.99", 17L),
        new SourcedRecord(entry("o-1", 1, "p,1", 1, "5.00"), "order_lines", source, csv.offset(one), 3L,
            "o-1,1,\"p,1\",1,5", 15L),
        new SourcedRecord(entry("o-2", 10000, "p-2", 10000, "0.50"), "order_lines", source, csv.offset(big), 5L,
            "o-2,10000,p-2,10000,0.5", 23L)),
        output.stream().map(p -> p.getSecond().datum()).toList());
    assertEquals(4L, csv.line(emptyCrlf));
    assertEquals(List.of(), KeyedIngestTests.quarantined(outputDir));

    Counters counters = driver.getCounters();
    assertEquals(4, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(1, counters.findCounter(RecordCounters.SKIPPED).getValue());
    assertEquals(0, counters.findCounter(RecordCounters.QUARANTINED).getValue());
  }

  @Test
  void everyRejectionIsQuarantinedAsAnOrderLine() throws IOException {
    CsvFile csv = new CsvFile(CommerceColumns.ORDER_LINES);
    int noLineNo = csv.row("o-1,,p,1,1");
    int noOrder = csv.row(",1,p,1,1");
    int missingFirst = csv.row("o-1,x,,1,1");
    int zero = csv.row("o-1,0,p,1,1");
    int plus = csv.row("o-1,+1,p,1,1");
    int quantity = csv.row("o-1,1,p,10001,1");
    int price = csv.row("o-1,1,p,1,1.999");
    int fields = csv.row("o-1,1,p,1");
    int afterQuote = csv.row("o-1,1,\"p\"1,1,1");
    byte[] bad = "o-1,1,p\u00e9,1,1".getBytes(StandardCharsets.UTF_8);
    bad[7] = (byte) 0xFF;
    int encoding = csv.row(bad, "\r\n");
    csv.row("");

    MapDriver<LongWritable, ?, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(new OrderLinesMapper(), conf, csv.writeAndRead(file, conf));
    assertEquals(List.of(), driver.run());

    String lines = "order_lines";
    List<QuarantineRecord> expected = List.of(
        quarantine(lines, csv, source, noLineNo, QuarantineReason.MISSING_FIELD, "line_no is empty"),
        quarantine(lines, csv, source, noOrder, QuarantineReason.MISSING_FIELD, "order_id is empty"),
        quarantine(lines, csv, source, missingFirst, QuarantineReason.MISSING_FIELD, "product_id is empty"),
        quarantine(lines, csv, source, zero, QuarantineReason.INVALID_VALUE,
            "line_no \"0\": not an integer in 1..2147483647"),
        quarantine(lines, csv, source, plus, QuarantineReason.INVALID_VALUE,
            "line_no \"+1\": not an integer in 1..2147483647"),
        quarantine(lines, csv, source, quantity, QuarantineReason.INVALID_VALUE,
            "quantity \"10001\": not an integer in 1..10000"),
        quarantine(lines, csv, source, price, QuarantineReason.INVALID_VALUE,
            "unit_price \"1.999\": more than 2 fraction digits"),
        quarantine(lines, csv, source, fields, QuarantineReason.MALFORMED_CSV,
            "wrong field count: 4 fields, the header has 5"),
        quarantine(lines, csv, source, afterQuote, QuarantineReason.MALFORMED_CSV,
            "text after a closing quote at byte 9 of the record"),
        quarantine(lines, csv, source, encoding, QuarantineReason.INVALID_ENCODING, "not UTF-8"));
    List<QuarantineRecord> actual = KeyedIngestTests.quarantined(outputDir);
    assertEquals(expected, actual);
    assertEquals("o-1,1,p\uFFFD\uFFFD,1,1", actual.get(9).getRawText());
    assertEquals(11L, actual.get(9).getLineNumber());

    Counters counters = driver.getCounters();
    assertEquals(11, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(1, counters.findCounter(RecordCounters.SKIPPED).getValue());
    assertEquals(10, counters.findCounter(RecordCounters.QUARANTINED).getValue());
    assertEquals(3, counters.findCounter(QuarantineReason.MISSING_FIELD).getValue());
    assertEquals(4, counters.findCounter(QuarantineReason.INVALID_VALUE).getValue());
    assertEquals(2, counters.findCounter(QuarantineReason.MALFORMED_CSV).getValue());
    assertEquals(1, counters.findCounter(QuarantineReason.INVALID_ENCODING).getValue());
    assertEquals(10, counters.findCounter(AvroMultipleOutputs.class.getName(),
        CuratedRun.QUARANTINE_BASE_PATH).getValue());
  }

  static OrderLineEntry entry(String orderId, int lineNo, String product, int quantity, String unitPrice) {
    return new OrderLineEntry(orderId, new OrderLine(lineNo, product, quantity, new BigDecimal(unitPrice)));
  }
}
