package io.mrsuite.jobs.ingest.csv;

import static io.mrsuite.jobs.ingest.csv.KeyedIngestTests.quarantine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderLine;
import io.mrsuite.formats.avro.OrderStatus;
import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.commerce.CommerceColumns;
import io.mrsuite.formats.csv.CsvRecord;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.jobs.run.CuratedRun;
import io.mrsuite.jobs.run.RecordBooks;
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
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest-orders' map + shuffle + reduce logic on real CSV text, without a cluster: both mappers through
 * MRUnit, their output through {@link ReusingShuffle} (the job's serialization, sort and grouping
 * comparators, Hadoop's reusing reduce iterator) into OrderAssemblyReducer. The books balance.
 */
class IngestOrdersShuffleTest {
  @TempDir
  Path work;

  @Test
  void ordersAndLinesOfOneExportAreJoinedAndEveryRecordIsAccountedFor() throws IOException, InterruptedException {
    Path ordersFile = work.resolve("raw/orders/dt=2026-11-21/orders-1.csv");
    Path linesFile = work.resolve("raw/order_lines/dt=2026-11-21/order_lines-1.csv");
    String ordersSource = CsvFile.sourceFile(ordersFile);
    String linesSource = CsvFile.sourceFile(linesFile);

    CsvFile orders = new CsvFile(CommerceColumns.ORDERS);
    int o1 = orders.row("o-1,u-1,2026-11-21T08:00:00Z,paid,EUR,20,5,0,25,DE,");
    int o2 = orders.row("o-2,u-2,2026-11-21T09:00:00Z,shipped,USD,1.5,0,0,1.50,,\"two\nlines\"");
    int o1again = orders.row("o-1,u-X,2026-11-21T10:00:00Z,paid,EUR,1,0,0,1,DE,");
    int o3 = orders.row("o-3,u-3,2026-11-21T11:00:00Z,paid,EUR,1,0,0,2,DE,");
    orders.row("");
    CsvFile lines = new CsvFile(CommerceColumns.ORDER_LINES);
    int l12 = lines.row("o-1,2,p-2,1,5.00");
    lines.row("o-1,1,p-1,3,5");
    lines.row("o-2,1,p-9,1,1.5");
    int l31 = lines.row("o-3,1,p-1,1,1");
    int l41 = lines.row("o-4,1,p-1,1,1");
    int l12again = lines.row("o-1,2,p-7,7,7");
    int bad = lines.row("o-1,3,p-3,0,1");

    Configuration mapOrders = KeyedIngestTests.taskConf(OrdersMapperTest.EXPORT, Order.getClassSchema(),
        work.resolve("out/map-orders"));
    Configuration mapLines = KeyedIngestTests.taskConf(OrdersMapperTest.EXPORT, Order.getClassSchema(),
        work.resolve("out/map-lines"));
    Configuration reduce = KeyedIngestTests.taskConf(OrdersMapperTest.EXPORT, Order.getClassSchema(),
        work.resolve("out/reduce"));
    List<JoinKey> keys = new ArrayList<>();
    List<SourcedRecord> values = new ArrayList<>();
    Counters counters = new Counters();
    map(new OrdersMapper(), mapOrders, orders.writeAndRead(ordersFile, mapOrders), keys, values, counters);
    map(new OrderLinesMapper(), mapLines, lines.writeAndRead(linesFile, mapLines), keys, values, counters);
    ReusingShuffle shuffle = new ReusingShuffle(reduce, Order.getClassSchema());
    List<Order> output = shuffle.run(new OrderAssemblyReducer(), keys, values);
    counters.incrAllCounters(shuffle.counters());

    Order first = OrdersMapperTest.order("o-1", "u-1", "2026-11-21T08:00:00Z", "2026-11-21", OrderStatus.paid, "EUR",
        "20.00", "5.00", "0.00", "25.00", "DE", null, ordersSource, orders.offset(o1));
    first.setLines(List.of(new OrderLine(1, "p-1", 3, new BigDecimal("5.00")),
        new OrderLine(2, "p-2", 1, new BigDecimal("5.00"))));
    Order second = OrdersMapperTest.order("o-2", "u-2", "2026-11-21T09:00:00Z", "2026-11-21", OrderStatus.shipped,
        "USD", "1.50", "0.00", "0.00", "1.50", null, "two\nlines", ordersSource, orders.offset(o2));
    second.setLines(List.of(new OrderLine(1, "p-9", 1, new BigDecimal("1.50"))));
    assertEquals(List.of(first, second), output);

    List<QuarantineRecord> quarantined = new ArrayList<>();
    quarantined.addAll(KeyedIngestTests.quarantined(work.resolve("out/map-orders")));
    quarantined.addAll(KeyedIngestTests.quarantined(work.resolve("out/map-lines")));
    quarantined.addAll(KeyedIngestTests.quarantined(work.resolve("out/reduce")));
    assertEquals(List.of(
        quarantine("orders", orders, ordersSource, o3, QuarantineReason.INCONSISTENT_TOTAL,
            "total 2.00 != subtotal 1.00 + shipping 0.00 + tax 0.00 = 1.00"),
        quarantine("order_lines", lines, linesSource, bad, QuarantineReason.INVALID_VALUE,
            "quantity \"0\": not an integer in 1..10000"),
        quarantine("orders", orders, ordersSource, o1again, QuarantineReason.DUPLICATE_KEY,
            "order o-1 already kept from " + ordersSource + " at byte " + orders.offset(o1)),
        quarantine("order_lines", lines, linesSource, l12again, QuarantineReason.DUPLICATE_KEY,
            "line 2 of order o-1 already seen at " + linesSource + " at byte " + lines.offset(l12)),
        quarantine("order_lines", lines, linesSource, l31, QuarantineReason.ORPHAN_LINE,
            "no valid order o-3 in this export"),
        quarantine("order_lines", lines, linesSource, l41, QuarantineReason.ORPHAN_LINE,
            "no valid order o-4 in this export")),
        quarantined);

    RecordBooks books = RecordBooks.from(counters);
    assertEquals(12, books.read());
    assertEquals(5, books.written());
    assertEquals(6, books.quarantined());
    assertEquals(1, books.skipped());
    assertEquals(List.of(), books.imbalances(counters.findCounter(AvroMultipleOutputs.class.getName(),
        CuratedRun.QUARANTINE_BASE_PATH).getValue()));
    assertEquals(2, counters.findCounter(OrdersCounters.ORDERS_WRITTEN).getValue());
    assertEquals(3, counters.findCounter(OrdersCounters.LINES_WRITTEN).getValue());
  }

  private static void map(Mapper<LongWritable, CsvRecord, AvroKey<JoinKey>, AvroValue<SourcedRecord>> mapper,
      Configuration conf, List<CsvRecord> records, List<JoinKey> keys, List<SourcedRecord> values,
      Counters counters) throws IOException {
    MapDriver<LongWritable, CsvRecord, AvroKey<JoinKey>, AvroValue<SourcedRecord>> driver =
        KeyedIngestTests.mapDriver(mapper, conf, records);
    for (Pair<AvroKey<JoinKey>, AvroValue<SourcedRecord>> pair : driver.run()) {
      keys.add(pair.getFirst().datum());
      values.add(pair.getSecond().datum());
    }
    counters.incrAllCounters(driver.getCounters());
    assertEquals(0, driver.getCounters().findCounter(RecordCounters.WRITTEN).getValue());
  }
}
