package io.mrsuite.jobs.revenue;

import static io.mrsuite.jobs.revenue.RevenueFixtures.JOIN_VALUE;
import static io.mrsuite.jobs.revenue.RevenueFixtures.X;
import static io.mrsuite.jobs.revenue.RevenueFixtures.event;
import static io.mrsuite.jobs.revenue.RevenueFixtures.fxRatesPartition;
import static io.mrsuite.jobs.revenue.RevenueFixtures.order;
import static io.mrsuite.jobs.revenue.RevenueFixtures.partial;
import static io.mrsuite.jobs.revenue.RevenueFixtures.projected;
import static io.mrsuite.jobs.revenue.RevenueFixtures.purchaseKey;
import static io.mrsuite.jobs.revenue.RevenueFixtures.taskConf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.avro.Order;
import io.mrsuite.formats.avro.OrderStatus;
import io.mrsuite.formats.avro.RevenueDaily;
import io.mrsuite.jobs.run.MartCounters;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.CountryKey;
import io.mrsuite.jobs.shuffle.JoinKey;
import io.mrsuite.jobs.shuffle.ReusingShuffle;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each mapper, reducer and the combiner of revenue-daily, with exact outputs and counters. */
class RevenueMapReduceTest {
  private static final LocalDate NEXT = X.plusDays(1);

  @TempDir
  static Path dir;
  private static Path fxRates;

  @BeforeAll
  static void fxRatesOfX() throws IOException {
    fxRates = fxRatesPartition(dir);
  }

  @Test
  void orderMapperKeysEveryCopyByExportDateFileAndOffsetAndKeepsWhatDecidesWhereItCounts() throws IOException {
    Order first = order("O-1", X, OrderStatus.placed, "EUR", "50.00", "DE", X, "/raw/orders/dt=2026-11-20/a.csv", 10);
    Order later = order("O-1", X, OrderStatus.paid, "EUR", "50.00", null, NEXT, "/raw/orders/dt=2026-11-21/a.csv", 99);
    MapDriver<AvroKey<Order>, NullWritable, AvroKey<JoinKey>, AvroValue<Object>> driver =
        MapDriver.newMapDriver(new OrderJoinMapper()).withConfiguration(taskConf(Order.getClassSchema(), null, false))
            .withOutputSerializationConfiguration(taskConf(JoinKey.getClassSchema(), JOIN_VALUE, true));
    driver.withInput(new AvroKey<>(first), NullWritable.get()).withInput(new AvroKey<>(later), NullWritable.get());

    List<Pair<AvroKey<JoinKey>, AvroValue<Object>>> output = driver.run();

    // sequence: the export date in days since 1970-01-01 (2026-11-20 is day 20777)
    assertEquals(List.of(new JoinKey("O-1", 0, 20777, "/raw/orders/dt=2026-11-20/a.csv", 10L),
        new JoinKey("O-1", 0, 20778, "/raw/orders/dt=2026-11-21/a.csv", 99L)),
        output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(projected(first), projected(later)), output.stream().map(p -> p.getSecond().datum()).toList());
    assertEquals(2, driver.getCounters().findCounter(RecordCounters.READ).getValue());
    assertEquals(2, driver.getCounters().findCounter(RevenueCounters.ORDERS_READ).getValue());
  }

  @Test
  void purchaseMapperKeysPurchasesByOrderIdWithTheirOwnCountryAndSkipsOtherEvents() throws IOException {
    MapDriver<AvroKey<EnrichedEvent>, NullWritable, AvroKey<JoinKey>, AvroValue<Object>> driver =
        MapDriver.newMapDriver(new PurchaseJoinMapper())
            .withConfiguration(taskConf(EnrichedEvent.getClassSchema(), null, false))
            .withOutputSerializationConfiguration(taskConf(JoinKey.getClassSchema(), JOIN_VALUE, true));
    for (EnrichedEvent event : List.of(event("e-1", EventType.purchase, "O-1", "DE", 0),
        event("e-2", EventType.page_view, null, "DE", 100), event("e-3", EventType.checkout, "O-1", "DE", 200),
        event("e-4", EventType.purchase, "O-2", null, 300), event("e-5", EventType.purchase, null, "FR", 400))) {
      driver.withInput(new AvroKey<>(event), NullWritable.get());
    }

    List<Pair<AvroKey<JoinKey>, AvroValue<Object>>> output = driver.run();

    assertEquals(List.of(purchaseKey("O-1", 0), purchaseKey("O-2", 300), purchaseKey("", 400)),
        output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(new RevenuePurchase("DE"), new RevenuePurchase(null), new RevenuePurchase("FR")),
        output.stream().map(p -> p.getSecond().datum()).toList());
    Counters counters = driver.getCounters();
    assertEquals(5, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(5, counters.findCounter(RevenueCounters.EVENTS_READ).getValue());
    assertEquals(2, counters.findCounter(RevenueCounters.NOT_PURCHASES).getValue());
    assertEquals(2, counters.findCounter(RecordCounters.SKIPPED).getValue());
  }

  @Test
  void joinReducerCountsTheFirstExportAndOrphansOnlyPurchasesWithoutAnyOrder() throws IOException {
    ReduceDriver<AvroKey<JoinKey>, AvroValue<Object>, AvroKey<RevenuePartial>, NullWritable> driver =
        ReduceDriver.newReduceDriver(new RevenueJoinReducer())
            .withConfiguration(taskConf(JoinKey.getClassSchema(), JOIN_VALUE, true, fxRates))
            .withOutputSerializationConfiguration(taskConf(RevenuePartial.getClassSchema(), null, false));
    // placed in the first export, paid in the next: the first export wins, so it counts nowhere; its purchase is
    // not an orphan
    group(driver, "O-1", projected(order("O-1", X, OrderStatus.placed, "EUR", "50.00", "DE", X, "a.csv", 10)),
        projected(order("O-1", X, OrderStatus.paid, "EUR", "50.00", "DE", NEXT, "a.csv", 10)),
        new RevenuePurchase("DE"));
    group(driver, "O-2", projected(order("O-2", X, OrderStatus.paid, "EUR", "100.00", "DE", X, "a.csv", 20)));
    // no CHF rate on X: counted in orders and unconverted_orders, not in revenue
    group(driver, "O-3", projected(order("O-3", X, OrderStatus.shipped, "CHF", "80.00", "CH", X, "a.csv", 30)));
    // an order of another date: not counted, and its purchase is no orphan either, so FR has no row
    group(driver, "O-4", projected(order("O-4", NEXT, OrderStatus.paid, "EUR", "20.00", "FR", NEXT, "b.csv", 40)),
        new RevenuePurchase("FR"));
    // a country with only orphans: two purchase events of one order no export holds
    group(driver, "O-5", new RevenuePurchase("JP"), new RevenuePurchase("JP"));
    // the null country: an order without shipping_country and an orphan without country
    group(driver, "O-6", projected(order("O-6", X, OrderStatus.delivered, "EUR", "12.35", null, X, "a.csv", 60)));
    group(driver, PurchaseJoinMapper.NO_ORDER_ID, new RevenuePurchase(null));

    List<RevenuePartial> output = driver.run().stream().map(p -> p.getFirst().datum()).toList();

    assertEquals(List.of(partial(null, 1, "13.3380000000", 0, 1), partial("CH", 1, "0.0000000000", 1, 0),
        partial("DE", 1, "108.0000000000", 0, 0), partial("JP", 0, "0.0000000000", 0, 2)), output);
    assertCounters(driver.getCounters(), Map.of(RecordCounters.WRITTEN, 6L, RecordCounters.SKIPPED, 4L,
        RecordCounters.DUPLICATES_REMOVED, 1L, RevenueCounters.COUNTED_ORDERS, 3L,
        RevenueCounters.UNCONVERTED_ORDERS, 1L, RevenueCounters.ORPHAN_PURCHASES, 3L,
        RevenueCounters.UNCOUNTED_STATUS_ORDERS, 1L, RevenueCounters.OTHER_DATE_ORDERS, 1L,
        RevenueCounters.MATCHED_PURCHASES, 2L));
  }

  @Test
  void throughARealSortTheEarliestExportThenFileThenOffsetWinsDespiteReusedValues() throws Exception {
    List<Order> orders = List.of(
        order("O-1", X, OrderStatus.paid, "EUR", "50.00", "DE", NEXT, "/x/dt=2026-11-21/a.csv", 1),
        order("O-1", X, OrderStatus.placed, "EUR", "50.00", "DE", X, "/x/dt=2026-11-20/z.csv", 900),
        order("O-7", X, OrderStatus.paid, "EUR", "70.00", "DE", X, "/x/dt=2026-11-20/b.csv", 5),
        order("O-7", X, OrderStatus.cancelled, "EUR", "70.00", "DE", X, "/x/dt=2026-11-20/a.csv", 900),
        order("O-8", X, OrderStatus.paid, "EUR", "10.00", "DE", X, "/x/dt=2026-11-20/a.csv", 500),
        order("O-8", X, OrderStatus.paid, "EUR", "10.00", "AT", X, "/x/dt=2026-11-20/a.csv", 20));
    MapDriver<AvroKey<Order>, NullWritable, AvroKey<JoinKey>, AvroValue<Object>> orderMap =
        MapDriver.newMapDriver(new OrderJoinMapper()).withConfiguration(taskConf(Order.getClassSchema(), null, false))
            .withOutputSerializationConfiguration(taskConf(JoinKey.getClassSchema(), JOIN_VALUE, true));
    orders.forEach(o -> orderMap.withInput(new AvroKey<>(o), NullWritable.get()));
    MapDriver<AvroKey<EnrichedEvent>, NullWritable, AvroKey<JoinKey>, AvroValue<Object>> purchaseMap =
        MapDriver.newMapDriver(new PurchaseJoinMapper())
            .withConfiguration(taskConf(EnrichedEvent.getClassSchema(), null, false))
            .withOutputSerializationConfiguration(taskConf(JoinKey.getClassSchema(), JOIN_VALUE, true));
    purchaseMap.withInput(new AvroKey<>(event("e-1", EventType.purchase, "O-1", "DE", 0)), NullWritable.get());
    purchaseMap.withInput(new AvroKey<>(event("e-2", EventType.purchase, "O-9", "SE", 100)), NullWritable.get());
    List<JoinKey> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    // Events first, so the sort (not the input order) has to put each order's copies before its purchases.
    for (Pair<AvroKey<JoinKey>, AvroValue<Object>> pair : purchaseMap.run()) {
      keys.add(pair.getFirst().datum());
      values.add(pair.getSecond().datum());
    }
    for (Pair<AvroKey<JoinKey>, AvroValue<Object>> pair : orderMap.run()) {
      keys.add(pair.getFirst().datum());
      values.add(pair.getSecond().datum());
    }
    ReusingShuffle shuffle = new ReusingShuffle(taskConf(JoinKey.getClassSchema(), JOIN_VALUE, true, fxRates),
        RevenuePartial.getClassSchema());

    List<RevenuePartial> output = shuffle.run(new RevenueJoinReducer(), keys, values);

    // O-1: export 2026-11-20 (placed) beats 2026-11-21 (paid); O-7: file a.csv (cancelled) beats b.csv (paid);
    // O-8: offset 20 (AT) beats offset 500 (DE). Only O-8 counts; O-9's purchase is the one orphan.
    assertEquals(List.of(partial("AT", 1, "10.8000000000", 0, 0), partial("SE", 0, "0.0000000000", 0, 1)), output);
    assertCounters(shuffle.counters(), Map.of(RecordCounters.WRITTEN, 2L, RecordCounters.SKIPPED, 3L,
        RecordCounters.DUPLICATES_REMOVED, 3L, RevenueCounters.COUNTED_ORDERS, 1L,
        RevenueCounters.UNCOUNTED_STATUS_ORDERS, 2L, RevenueCounters.MATCHED_PURCHASES, 1L,
        RevenueCounters.ORPHAN_PURCHASES, 1L));
  }

  @Test
  void partialMapperKeysEachPartialByItsCountry() throws IOException {
    MapDriver<AvroKey<RevenuePartial>, NullWritable, AvroKey<CountryKey>, AvroValue<RevenuePartial>> driver =
        MapDriver.newMapDriver(new PartialByCountryMapper())
            .withConfiguration(taskConf(RevenuePartial.getClassSchema(), null, false))
            .withOutputSerializationConfiguration(
                taskConf(CountryKey.getClassSchema(), RevenuePartial.getClassSchema(), false));
    RevenuePartial germany = partial("DE", 2, "12.3456789012", 1, 0);
    RevenuePartial none = partial(null, 0, "0.0000000000", 0, 3);
    driver.withInput(new AvroKey<>(germany), NullWritable.get()).withInput(new AvroKey<>(none), NullWritable.get());

    List<Pair<AvroKey<CountryKey>, AvroValue<RevenuePartial>>> output = driver.run();

    assertEquals(List.of(new CountryKey("DE"), new CountryKey(null)),
        output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(germany, none), output.stream().map(p -> p.getSecond().datum()).toList());
  }

  @Test
  void combinerSumsAPartialPerCountryExactly() throws IOException {
    ReduceDriver<AvroKey<CountryKey>, AvroValue<RevenuePartial>, AvroKey<CountryKey>, AvroValue<RevenuePartial>>
        driver = ReduceDriver.newReduceDriver(new RevenuePartialCombiner())
            .withConfiguration(taskConf(CountryKey.getClassSchema(), RevenuePartial.getClassSchema(), false))
            .withOutputSerializationConfiguration(
                taskConf(CountryKey.getClassSchema(), RevenuePartial.getClassSchema(), false));
    driver.withInput(new AvroKey<>(new CountryKey("DE")), List.of(
        new AvroValue<>(partial("DE", 1, "1.0050000000", 0, 0)), new AvroValue<>(partial("DE", 2, "2.0000000001", 1, 3))));
    driver.withInput(new AvroKey<>(new CountryKey(null)), List.of(new AvroValue<>(partial(null, 0, "0.0000000000", 0, 1))));

    List<Pair<AvroKey<CountryKey>, AvroValue<RevenuePartial>>> output = driver.run();

    assertEquals(List.of(new CountryKey("DE"), new CountryKey(null)),
        output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(partial("DE", 3, "3.0050000001", 1, 3), partial(null, 0, "0.0000000000", 0, 1)),
        output.stream().map(p -> p.getSecond().datum()).toList());
  }

  /**
   * Through a real sort and grouping: MRUnit cannot run a reducer that writes Parquet rows, as it copies every
   * output key and a row's key is null.
   */
  @Test
  void rowsReducerRoundsOncePerCountryNullCountryFirst() throws Exception {
    List<CountryKey> keys = new ArrayList<>();
    List<RevenuePartial> values = new ArrayList<>();
    for (RevenuePartial partial : List.of(partial("DE", 1, "0.0050000000", 0, 0), partial(null, 0, "0.0000000000", 0, 1),
        partial("JP", 0, "0.0000000000", 0, 2), partial("GB", 2, "2.1250000000", 1, 0),
        partial("DE", 1, "0.0050000000", 0, 0))) {
      keys.add(new CountryKey(partial.getCountry()));
      values.add(partial);
    }
    ReusingShuffle shuffle = new ReusingShuffle(
        taskConf(CountryKey.getClassSchema(), RevenuePartial.getClassSchema(), false), RevenueDaily.getClassSchema());

    List<RevenueDaily> rows = shuffle.runRows(new RevenueDailyReducer(), keys, values);

    // DE: 0.005 + 0.005 rounds once to 0.01 (each alone, half-even, would be 0.00); GB: the tie 2.125 -> 2.12
    assertEquals(List.of(row(null, 0, "0.00", 0, 1), row("DE", 2, "0.01", 0, 0), row("GB", 2, "2.12", 1, 0),
        row("JP", 0, "0.00", 0, 2)), rows);
    assertCounters(shuffle.counters(), Map.of(MartCounters.ROWS, 4L, RevenueCounters.ROW_ORDERS, 4L,
        RevenueCounters.ROW_UNCONVERTED_ORDERS, 1L, RevenueCounters.ROW_ORPHAN_PURCHASES, 3L));
  }

  private static RevenueDaily row(String country, long orders, String usd, long unconverted, long orphans) {
    return new RevenueDaily(country, orders, new BigDecimal(usd), unconverted, orphans, X);
  }

  private static void group(ReduceDriver<AvroKey<JoinKey>, AvroValue<Object>, ?, ?> driver, String orderId,
      Object... values) {
    List<AvroValue<Object>> wrapped = new ArrayList<>();
    for (Object value : values) {
      wrapped.add(new AvroValue<>(value));
    }
    // MRUnit hands the group's values in the order given: orders first, as the sort would.
    driver.withInput(new AvroKey<>(new JoinKey(orderId, 0, 0, "", 0L)), wrapped);
  }

  private static void assertCounters(Counters counters, Map<Enum<?>, Long> expected) {
    for (Map.Entry<Enum<?>, Long> entry : expected.entrySet()) {
      assertEquals(entry.getValue(), counters.findCounter(entry.getKey()).getValue(), entry.getKey().name());
    }
  }
}
