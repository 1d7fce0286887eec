package io.mrsuite.jobs.ingest.csv;

import static io.mrsuite.jobs.ingest.csv.KeyedIngestTests.quarantine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderLine;
import io.mrsuite.formats.avro.OrderStatus;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import io.mrsuite.jobs.shuffle.ReusingShuffle;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroMultipleOutputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orders ⋈ order_lines reducer: MRUnit for each rule (values given in the order the secondary sort
 * delivers them), and a real-shuffle run ({@link ReusingShuffle}) in which Hadoop's ReduceContextImpl hands
 * the reducer ONE reused AvroValue/SourcedRecord, to prove what it keeps is deep-copied.
 */
class OrderAssemblyReducerTest {
  static final String ORDERS_A = "file:/wh/raw/orders/dt=2026-11-21/orders-a.csv";
  static final String ORDERS_B = "file:/wh/raw/orders/dt=2026-11-21/orders-b.csv";
  static final String LINES = "file:/wh/raw/order_lines/dt=2026-11-21/order_lines-1.csv";

  @TempDir
  Path outputDir;

  private Configuration conf;
  private ReduceDriver<AvroKey<JoinKey>, AvroValue<SourcedRecord>, AvroKey<Order>, NullWritable> driver;

  @BeforeEach
  void configure() throws IOException {
    conf = KeyedIngestTests.taskConf(OrdersMapperTest.EXPORT, Order.getClassSchema(), outputDir);
    driver = ReduceDriver.<AvroKey<JoinKey>, AvroValue<SourcedRecord>, AvroKey<Order>, NullWritable>newReduceDriver(
            new OrderAssemblyReducer())
        .withConfiguration(conf)
        .withOutputSerializationConfiguration(KeyedIngestTests.outputCopyConf(Order.getClassSchema()));
  }

  @Test
  void anOrderGetsItsLinesNestedInLineNoOrder() throws IOException {
    Order order = order("o-1", "u-1", "123.55", ORDERS_A, 100);
    driver.withInput(key("o-1", 0, 0, ORDERS_A, 100), values(
        orderRecord(order, 3),
        lineRecord("o-1", 1, "p-1", 2, "19.99", LINES, 300, 7),
        lineRecord("o-1", 2, "p,2", 1, "0.50", LINES, 20, 2),
        lineRecord("o-1", 10, "p-3", 10000, "1000.00", LINES, 10, 1)));

    List<Pair<AvroKey<Order>, NullWritable>> output = driver.run();

    Order expected = Order.newBuilder(order).setLines(List.of(
        new OrderLine(1, "p-1", 2, new BigDecimal("19.99")),
        new OrderLine(2, "p,2", 1, new BigDecimal("0.50")),
        new OrderLine(10, "p-3", 10000, new BigDecimal("1000.00")))).build();
    assertEquals(List.of(expected), output.stream().map(p -> p.getFirst().datum()).toList());
    // Decimals keep the schema's scale through the copy.
    assertEquals("0.50", output.get(0).getFirst().datum().getLines().get(1).getUnitPrice().toPlainString());
    assertEquals("123.55", output.get(0).getFirst().datum().getTotal().toPlainString());
    assertEquals(List.of(), KeyedIngestTests.quarantined(outputDir));
    assertCounters(driver.getCounters(), 4, 1, 3, 0, 0, 0);
  }

  @Test
  void laterOrdersOfAnOrderIdAreDuplicatesNamingTheKeptOne() throws IOException {
    Order kept = order("o-1", "u-1", "10.00", ORDERS_A, 100);
    Order second = order("o-1", "u-2", "20.00", ORDERS_A, 900);
    Order third = order("o-1", "u-3", "30.00", ORDERS_B, 0);
    driver.withInput(key("o-1", 0, 0, ORDERS_A, 100), values(
        orderRecord(kept, 4), orderRecord(second, 40), orderRecord(third, 2),
        lineRecord("o-1", 1, "p-1", 1, "10.00", LINES, 0, 2)));

    List<Pair<AvroKey<Order>, NullWritable>> output = driver.run();

    assertEquals(List.of(Order.newBuilder(kept).setLines(List.of(new OrderLine(1, "p-1", 1, new BigDecimal("10.00"))))
        .build()), output.stream().map(p -> p.getFirst().datum()).toList());
    String detail = "order o-1 already kept from " + ORDERS_A + " at byte 100";
    assertEquals(List.of(
        quarantine("orders", ORDERS_A, 40, 900, raw(second), raw(second).length(), QuarantineReason.DUPLICATE_KEY,
            detail),
        quarantine("orders", ORDERS_B, 2, 0, raw(third), raw(third).length(), QuarantineReason.DUPLICATE_KEY, detail)),
        KeyedIngestTests.quarantined(outputDir));
    assertCounters(driver.getCounters(), 2, 1, 1, 2, 2, 0);
  }

  /** An orphan's repeated line_no is a duplicate first: the reducer checks line_no before the order. */
  @Test
  void linesWithoutAValidOrderAreOrphans() throws IOException {
    driver.withInput(key("o-9", 1, 1, LINES, 50), values(
        lineRecord("o-9", 1, "p-1", 1, "1.00", LINES, 50, 3),
        lineRecord("o-9", 1, "p-1", 1, "1.00", LINES, 70, 4),
        lineRecord("o-9", 2, "p-2", 5, "2.50", LINES, 10, 1)));

    assertEquals(List.of(), driver.run());

    String detail = "no valid order o-9 in this export";
    assertEquals(List.of(
        quarantine("order_lines", LINES, 3, 50, "o-9,1,p-1,1,1.00", 16, QuarantineReason.ORPHAN_LINE, detail),
        quarantine("order_lines", LINES, 4, 70, "o-9,1,p-1,1,1.00", 16, QuarantineReason.DUPLICATE_KEY,
            "line 1 of order o-9 already seen at " + LINES + " at byte 50"),
        quarantine("order_lines", LINES, 1, 10, "o-9,2,p-2,5,2.50", 16, QuarantineReason.ORPHAN_LINE, detail)),
        KeyedIngestTests.quarantined(outputDir));
    assertCounters(driver.getCounters(), 0, 0, 0, 3, 1, 2);
  }

  @Test
  void aLineNoSeenBeforeInTheOrderIsADuplicate() throws IOException {
    Order order = order("o-1", "u-1", "9.99", ORDERS_A, 0);
    driver.withInput(key("o-1", 0, 0, ORDERS_A, 0), values(
        orderRecord(order, 2),
        lineRecord("o-1", 1, "p-1", 1, "1.00", LINES, 10, 2),
        lineRecord("o-1", 2, "p-2", 2, "2.00", LINES, 30, 3),
        lineRecord("o-1", 2, "p-X", 9, "9.00", LINES, 50, 4),
        lineRecord("o-1", 2, "p-Y", 8, "8.00", LINES, 70, 5),
        lineRecord("o-1", 3, "p-3", 3, "3.00", LINES, 90, 6)));
    // A second order_id in the same run: nothing of o-1 leaks into it.
    Order other = order("o-2", "u-2", "1.00", ORDERS_A, 500);
    driver.withInput(key("o-2", 0, 0, ORDERS_A, 500), values(
        orderRecord(other, 9),
        lineRecord("o-2", 2, "p-2", 1, "1.00", LINES, 110, 7)));

    List<Pair<AvroKey<Order>, NullWritable>> output = driver.run();

    assertEquals(List.of(
        Order.newBuilder(order).setLines(List.of(
            new OrderLine(1, "p-1", 1, new BigDecimal("1.00")),
            new OrderLine(2, "p-2", 2, new BigDecimal("2.00")),
            new OrderLine(3, "p-3", 3, new BigDecimal("3.00")))).build(),
        Order.newBuilder(other).setLines(List.of(new OrderLine(2, "p-2", 1, new BigDecimal("1.00")))).build()),
        output.stream().map(p -> p.getFirst().datum()).toList());
    String detail = "line 2 of order o-1 already seen at " + LINES + " at byte 30";
    assertEquals(List.of(
        quarantine("order_lines", LINES, 4, 50, "o-1,2,p-X,9,9.00", 16, QuarantineReason.DUPLICATE_KEY, detail),
        quarantine("order_lines", LINES, 5, 70, "o-1,2,p-Y,8,8.00", 16, QuarantineReason.DUPLICATE_KEY, detail)),
        KeyedIngestTests.quarantined(outputDir));
    assertCounters(driver.getCounters(), 6, 2, 4, 2, 2, 0);
  }

  /**
   * The same rules through Hadoop's own reduce iterator, which deserializes every value into one reused
   * AvroValue whose SourcedRecord (and the Order or OrderLine inside it) Avro overwrites in place. Inputs are
   * given in scrambled order: the job's sort comparator puts them in (key, kind, sequence, file, offset)
   * order and its grouping comparator makes one reduce call per order_id.
   */
  @Test
  void keptOrdersAndLinesSurviveTheReuseOfValueObjects() throws IOException, InterruptedException {
    Order kept = order("o-1", "u-1", "10.00", ORDERS_A, 100);
    Order laterInFile = order("o-1", "u-2", "20.00", ORDERS_A, 900);
    Order otherFile = order("o-1", "u-3", "30.00", ORDERS_B, 0);
    Order alone = order("o-2", "u-9", "5.00", ORDERS_B, 300);
    List<SourcedRecord> values = List.of(
        lineRecord("o-3", 2, "p-8", 1, "8.00", LINES, 700, 30),
        lineRecord("o-1", 10, "p-10", 10, "0.10", LINES, 50, 3),
        orderRecord(otherFile, 2),
        lineRecord("o-1", 2, "p-X", 99, "99.99", LINES, 250, 12),
        lineRecord("o-1", 3, "p-3", 3, "3.33", LINES, 300, 13),
        orderRecord(alone, 8),
        lineRecord("o-1", 2, "p-2", 2, "2.22", LINES, 200, 11),
        orderRecord(laterInFile, 40),
        lineRecord("o-3", 1, "p-7", 1, "7.00", LINES, 800, 31),
        lineRecord("o-1", 1, "p-1", 1, "1.11", LINES, 100, 10),
        orderRecord(kept, 4));
    List<JoinKey> keys = new ArrayList<>();
    for (SourcedRecord value : values) {
      keys.add(value.getPayload() instanceof Order o
          ? new JoinKey(o.getOrderId(), 0, 0, value.getSourceFile(), value.getSourceOffset())
          : new JoinKey(((OrderLineEntry) value.getPayload()).getOrderId(), 1,
              ((OrderLineEntry) value.getPayload()).getLine().getLineNo(), value.getSourceFile(),
              value.getSourceOffset()));
    }
    ReusingShuffle.ReuseProbe probe = new ReusingShuffle.ReuseProbe();
    OrderAssemblyReducer reducer = new OrderAssemblyReducer() {
      @Override
      protected void reduce(AvroKey<JoinKey> key, Iterable<AvroValue<SourcedRecord>> group, Context context)
          throws IOException, InterruptedException {
        super.reduce(key, probe.watch(group), context);
      }
    };
    ReusingShuffle shuffle = new ReusingShuffle(conf, Order.getClassSchema());

    List<Order> output = shuffle.run(reducer, keys, values);

    assertEquals("11 values in 1 AvroValue and 1 SourcedRecord objects", probe.reused());
    assertEquals(List.of(
        Order.newBuilder(kept).setLines(List.of(
            new OrderLine(1, "p-1", 1, new BigDecimal("1.11")),
            new OrderLine(2, "p-2", 2, new BigDecimal("2.22")),
            new OrderLine(3, "p-3", 3, new BigDecimal("3.33")),
            new OrderLine(10, "p-10", 10, new BigDecimal("0.10")))).build(),
        Order.newBuilder(alone).setLines(List.of()).build()), output);
    String keptFrom = "order o-1 already kept from " + ORDERS_A + " at byte 100";
    assertEquals(List.of(
        quarantine("orders", ORDERS_A, 40, 900, raw(laterInFile), raw(laterInFile).length(),
            QuarantineReason.DUPLICATE_KEY, keptFrom),
        quarantine("orders", ORDERS_B, 2, 0, raw(otherFile), raw(otherFile).length(), QuarantineReason.DUPLICATE_KEY,
            keptFrom),
        quarantine("order_lines", LINES, 12, 250, "o-1,2,p-X,99,99.99", 18, QuarantineReason.DUPLICATE_KEY,
            "line 2 of order o-1 already seen at " + LINES + " at byte 200"),
        quarantine("order_lines", LINES, 31, 800, "o-3,1,p-7,1,7.00", 16, QuarantineReason.ORPHAN_LINE,
            "no valid order o-3 in this export"),
        quarantine("order_lines", LINES, 30, 700, "o-3,2,p-8,1,8.00", 16, QuarantineReason.ORPHAN_LINE,
            "no valid order o-3 in this export")),
        KeyedIngestTests.quarantined(outputDir));
    assertCounters(shuffle.counters(), 6, 2, 4, 5, 3, 2);
  }

  private static void assertCounters(Counters counters, long written, long orders, long lines, long quarantined,
      long duplicates, long orphans) {
    assertEquals(written, counters.findCounter(RecordCounters.WRITTEN).getValue(), "WRITTEN");
    assertEquals(orders, counters.findCounter(OrdersCounters.ORDERS_WRITTEN).getValue(), "ORDERS_WRITTEN");
    assertEquals(lines, counters.findCounter(OrdersCounters.LINES_WRITTEN).getValue(), "LINES_WRITTEN");
    assertEquals(written, orders + lines, "WRITTEN = orders + lines");
    assertEquals(quarantined, counters.findCounter(RecordCounters.QUARANTINED).getValue(), "QUARANTINED");
    assertEquals(duplicates, counters.findCounter(QuarantineReason.DUPLICATE_KEY).getValue(), "DUPLICATE_KEY");
    assertEquals(orphans, counters.findCounter(QuarantineReason.ORPHAN_LINE).getValue(), "ORPHAN_LINE");
    assertEquals(quarantined, counters.findCounter(AvroMultipleOutputs.class.getName(),
        CuratedRun.QUARANTINE_BASE_PATH).getValue(), "quarantine output records");
  }

  static AvroKey<JoinKey> key(String key, int kind, int sequence, String file, long offset) {
    return new AvroKey<>(new JoinKey(key, kind, sequence, file, offset));
  }

  static List<AvroValue<SourcedRecord>> values(SourcedRecord... records) {
    List<AvroValue<SourcedRecord>> values = new ArrayList<>();
    for (SourcedRecord record : records) {
      values.add(new AvroValue<>(record));
    }
    return values;
  }

  /** An order as OrdersMapper makes it: subtotal = total, no shipping or tax, no lines yet. */
  static Order order(String id, String user, String total, String file, long offset) {
    return OrdersMapperTest.order(id, user, "2026-11-20T10:00:00.5Z", "2026-11-20", OrderStatus.shipped, "EUR",
        total, "0.00", "0.00", total, "DE", "n\u00f6tes, \"quoted\"", file, offset);
  }

  /** Stand-in raw text of an order row (the reducer copies it through, it does not parse it). */
  static String raw(Order order) {
    return order.getOrderId() + "," + order.getUserId() + ",...," + order.getTotal() + ",DE,n\u00f6tes";
  }

  static SourcedRecord orderRecord(Order order, long line) {
    String raw = raw(order);
    return new SourcedRecord(order, "orders", order.getSourceFile(), order.getSourceOffset(), line, raw,
        (long) raw.length());
  }

  static SourcedRecord lineRecord(String orderId, int lineNo, String product, int quantity, String price,
      String file, long offset, long line) {
    String raw = orderId + "," + lineNo + "," + product + "," + quantity + "," + price;
    return new SourcedRecord(new OrderLineEntry(orderId, new OrderLine(lineNo, product, quantity,
        new BigDecimal(price))), "order_lines", file, offset, line, raw, (long) raw.length());
  }
}
