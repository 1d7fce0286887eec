package io.mrsuite.jobs.ingest.csv;

import static io.mrsuite.jobs.ingest.csv.KeyedIngestTests.quarantine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderStatus;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
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
 * OrdersMapper on real CSV text read by CsvRecordReader: valid orders become exact (JoinKey, SourcedRecord)
 * pairs under their order_id, every rejection an exact quarantine record, and the counters balance.
 */
class OrdersMapperTest {
  static final LocalDate EXPORT = LocalDate.of(2026, 11, 21);

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
    file = rawDir.resolve("orders/dt=2026-11-21/orders-1.csv");
    source = CsvFile.sourceFile(file);
  }

  @Test
  void validOrdersAreKeyedByOrderIdWithEveryFieldAndTheirSource() throws IOException {
    CsvFile csv = new CsvFile(CommerceColumns.ORDERS);
    int gift = csv.row("o-1,u-1,2026-11-20T23:30:00.1239+01:00,paid,EUR,100,4.5,19.05,123.55,DE,"
        + "\"gift, wrap \"\"please\"\"\nring twice\"");
    int empty = csv.row("");
    int late = csv.row("o-2,u-2,2026-11-21T00:15:00-02:00,placed,USD,10.00,0,0.5,10.5,,");
    int crlf = csv.row("o-3,u-3,2026-11-19T23:59:59.999Z,delivered,JPY,1000,0,0,1000,JP,".getBytes(
        StandardCharsets.UTF_8), "\r\n");

    MapDriver<LongWritable, ?, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(new OrdersMapper(), conf, csv.writeAndRead(file, conf));
    List<? extends Pair<AvroKey<JoinKey>, AvroValue<SourcedRecord>>> output = driver.run();

    Order o1 = order("o-1", "u-1", "2026-11-20T22:30:00.123Z", "2026-11-20", OrderStatus.paid, "EUR",
        "100.00", "4.50", "19.05", "123.55", "DE", "gift, wrap \"please\"\nring twice", source, csv.offset(gift));
    Order o2 = order("o-2", "u-2", "2026-11-21T02:15:00Z", "2026-11-21", OrderStatus.placed, "USD",
        "10.00", "0.00", "0.50", "10.50", null, null, source, csv.offset(late));
    Order o3 = order("o-3", "u-3", "2026-11-19T23:59:59.999Z", "2026-11-19", OrderStatus.delivered, "JPY",
        "1000.00", "0.00", "0.00", "1000.00", "JP", null, source, csv.offset(crlf));
    assertEquals(List.of(
        new JoinKey("o-1", 0, 0, source, csv.offset(gift)),
        new JoinKey("o-2", 0, 0, source, csv.offset(late)),
        new JoinKey("o-3", 0, 0, source, csv.offset(crlf))),
        output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(
        new SourcedRecord(o1, "orders", source, csv.offset(gift), 2L, csv.text(gift), csv.length(gift)),
        new SourcedRecord(o2, "orders", source, csv.offset(late), 5L, csv.text(late), csv.length(late)),
        new SourcedRecord(o3, "orders", source, csv.offset(crlf), 6L, csv.text(crlf), csv.length(crlf))),
        output.stream().map(p -> p.getSecond().datum()).toList());
    assertEquals(4L, csv.line(empty));
    // The quoted line break is part of the raw text; the CR of a CRLF terminator is not.
    assertEquals("o-3,u-3,2026-11-19T23:59:59.999Z,delivered,JPY,1000,0,0,1000,JP,", csv.text(crlf));
    assertEquals(List.of(), KeyedIngestTests.quarantined(outputDir));

    Counters counters = driver.getCounters();
    assertEquals(4, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(1, counters.findCounter(RecordCounters.SKIPPED).getValue());
    assertEquals(0, counters.findCounter(RecordCounters.QUARANTINED).getValue());
    // The mapper writes nothing to curated: WRITTEN is the reducer's.
    assertEquals(0, counters.findCounter(RecordCounters.WRITTEN).getValue());
  }

  @Test
  void everyRejectionIsQuarantinedWithItsSourceAndCounted() throws IOException {
    CsvFile csv = new CsvFile(CommerceColumns.ORDERS);
    int empty = csv.row("");
    int afterQuote = csv.row("o-3,u-3,\"2026-11-20T10:00:00Z\"x,paid,EUR,1,0,0,1,,");
    int fieldCount = csv.row("o-4,u-4");
    ByteArrayOutputStream notUtf8 = new ByteArrayOutputStream();
    notUtf8.writeBytes("o-5,u-5,2026-11-20T10:00:00Z,paid,EUR,1,0,0,1,,caf".getBytes(StandardCharsets.UTF_8));
    notUtf8.write(0xE9);
    int encoding = csv.row(notUtf8.toByteArray(), "\n");
    int missing = csv.row("o-6,,2026-11-20T10:00:00Z,paid,EUR,1,0,0,1,,".getBytes(StandardCharsets.UTF_8), "\r\n");
    int status = csv.row("o-7,u-7,2026-11-20T10:00:00Z,lost,EUR,1,0,0,1,,");
    int total = csv.row("o-8,u-8,2026-11-20T10:00:00Z,paid,EUR,5,1,1,8,FR,\"multi\nline\"");
    int currency = csv.row("o-9,u-9,2026-11-20T10:00:00Z,paid,eur,1,0,0,1,,");
    int time = csv.row("o-10,u-10,2026-11-20 10:00:00Z,paid,EUR,1,0,0,1,,");
    int country = csv.row("o-11,u-11,2026-11-20T10:00:00Z,paid,EUR,1,0,0,1,Deu,");
    int amount = csv.row("o-12,u-12,2026-11-20T10:00:00Z,paid,EUR,1.005,0,0,1.005,,");
    int negative = csv.row("o-13,u-13,2026-11-20T10:00:00Z,refunded,EUR,1,-1,0,0,,");
    int quoteInside = csv.row("o-14,u\"14,2026-11-20T10:00:00Z,paid,EUR,1,0,0,1,,".getBytes(StandardCharsets.UTF_8), "");

    MapDriver<LongWritable, ?, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(new OrdersMapper(), conf, csv.writeAndRead(file, conf));
    assertEquals(List.of(), driver.run());

    long xAt = csv.text(afterQuote).indexOf("Z\"x") + 2;
    long quoteAt = csv.text(quoteInside).indexOf('"');
    List<QuarantineRecord> expected = List.of(
        quarantine("orders", csv, source, afterQuote, QuarantineReason.MALFORMED_CSV,
            "text after a closing quote at byte " + xAt + " of the record"),
        quarantine("orders", csv, source, fieldCount, QuarantineReason.MALFORMED_CSV,
            "wrong field count: 2 fields, the header has 11"),
        quarantine("orders", csv, source, encoding, QuarantineReason.INVALID_ENCODING, "not UTF-8"),
        quarantine("orders", csv, source, missing, QuarantineReason.MISSING_FIELD, "user_id is empty"),
        quarantine("orders", csv, source, status, QuarantineReason.INVALID_VALUE,
            "status \"lost\": not one of [placed, paid, shipped, delivered, cancelled, refunded]"),
        quarantine("orders", csv, source, total, QuarantineReason.INCONSISTENT_TOTAL,
            "total 8.00 != subtotal 5.00 + shipping 1.00 + tax 1.00 = 7.00"),
        quarantine("orders", csv, source, currency, QuarantineReason.INVALID_VALUE,
            "currency \"eur\": not 3 upper-case letters"),
        quarantine("orders", csv, source, time, QuarantineReason.INVALID_VALUE,
            "order_time \"2026-11-20 10:00:00Z\": not YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)"),
        quarantine("orders", csv, source, country, QuarantineReason.INVALID_VALUE,
            "shipping_country \"Deu\": not 2 upper-case letters"),
        quarantine("orders", csv, source, amount, QuarantineReason.INVALID_VALUE,
            "subtotal \"1.005\": more than 2 fraction digits"),
        quarantine("orders", csv, source, negative, QuarantineReason.INVALID_VALUE,
            "shipping \"-1\": not a plain decimal like 12, 12.5 or 12.50"),
        quarantine("orders", csv, source, quoteInside, QuarantineReason.MALFORMED_CSV,
            "quote inside an unquoted field at byte " + quoteAt + " of the record"));
    List<QuarantineRecord> actual = KeyedIngestTests.quarantined(outputDir);
    assertEquals(expected, actual);
    // Spelled out once, so the helper's view of the file is checked too.
    assertEquals("o-5,u-5,2026-11-20T10:00:00Z,paid,EUR,1,0,0,1,,caf\uFFFD", actual.get(2).getRawText());
    assertEquals(6L, actual.get(3).getLineNumber());
    assertEquals(csv.text(missing).length(), actual.get(3).getRawLength());
    assertEquals(3L, csv.line(afterQuote));
    assertEquals(2L + csv.line(total), csv.line(currency)); // its notes hold a line break

    Counters counters = driver.getCounters();
    assertEquals(13, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(1, counters.findCounter(RecordCounters.SKIPPED).getValue());
    assertEquals(12, counters.findCounter(RecordCounters.QUARANTINED).getValue());
    assertEquals(3, counters.findCounter(QuarantineReason.MALFORMED_CSV).getValue());
    assertEquals(1, counters.findCounter(QuarantineReason.INVALID_ENCODING).getValue());
    assertEquals(1, counters.findCounter(QuarantineReason.MISSING_FIELD).getValue());
    assertEquals(6, counters.findCounter(QuarantineReason.INVALID_VALUE).getValue());
    assertEquals(1, counters.findCounter(QuarantineReason.INCONSISTENT_TOTAL).getValue());
    assertEquals(12, counters.findCounter(AvroMultipleOutputs.class.getName(),
        CuratedRun.QUARANTINE_BASE_PATH).getValue());
    assertEquals(2L, csv.line(empty));
  }

  static Order order(String id, String user, String time, String date, OrderStatus status, String currency,
      String subtotal, String shipping, String tax, String total, String country, String notes, String file, long offset) {
    return Order.newBuilder().setOrderId(id).setUserId(user).setOrderTime(Instant.parse(time))
        .setOrderDate(LocalDate.parse(date)).setStatus(status).setCurrency(currency)
        .setSubtotal(new BigDecimal(subtotal)).setShipping(new BigDecimal(shipping)).setTax(new BigDecimal(tax))
        .setTotal(new BigDecimal(total)).setShippingCountry(country).setNotes(notes).setLines(List.of())
        .setExportDate(EXPORT).setSourceFile(file).setSourceOffset(offset).build();
  }
}
