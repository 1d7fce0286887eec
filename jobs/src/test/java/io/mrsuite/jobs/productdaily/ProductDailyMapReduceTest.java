package io.mrsuite.jobs.productdaily;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.avro.ProductDaily;
import io.mrsuite.jobs.run.MartCounters;
import io.mrsuite.jobs.run.MartTaskConf;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.ReusingShuffle;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.Test;

class ProductDailyMapReduceTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final BigDecimal NO_USD = new BigDecimal("0E-10");

  @Test
  void mapperKeysViewsByVisitorAndOtherEventsByProductAlone() throws IOException {
    MapDriver<AvroKey<EnrichedEvent>, NullWritable, AvroKey<ProductViewerKey>, AvroValue<ProductActivity>> driver =
        MapDriver.newMapDriver(new ProductDailyMapper())
            .withConfiguration(conf(EnrichedEvent.getClassSchema(), null))
            .withOutputSerializationConfiguration(conf(ProductViewerKey.getClassSchema(), ProductActivity.getClassSchema()));
    driver.withInput(new AvroKey<>(enriched(event("e-1", EventType.product_view, "p-1", "a-1", "u-1").build(), null)),
        NullWritable.get());
    driver.withInput(new AvroKey<>(enriched(event("e-2", EventType.purchase, "p-1", "a-2", null)
        .setQuantity(3).setPrice(new BigDecimal("2.50")).setCurrency("EUR").setOrderId("o-1").build(), "1.10000000")),
        NullWritable.get());
    driver.withInput(new AvroKey<>(enriched(event("e-3", EventType.purchase, "p-2", "a-2", null)
        .setQuantity(2).setPrice(new BigDecimal("9.00")).setCurrency("DKK").setOrderId("o-2").build(), null)),
        NullWritable.get());
    driver.withInput(new AvroKey<>(enriched(event("e-4", EventType.page_view, null, "a-2", null).build(), null)),
        NullWritable.get());

    List<Pair<AvroKey<ProductViewerKey>, AvroValue<ProductActivity>>> output = driver.run();

    assertEquals(List.of(new ProductViewerKey("p-1", "u-1"), new ProductViewerKey("p-1", ""),
        new ProductViewerKey("p-2", "")), output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(
        new ProductActivity("u-1", "shoes", "acme", 1L, 0L, 0L, 0L, NO_USD, 0L),
        new ProductActivity("", "shoes", "acme", 0L, 0L, 1L, 3L, new BigDecimal("8.2500000000"), 0L),
        new ProductActivity("", "shoes", "acme", 0L, 0L, 1L, 2L, NO_USD, 1L)),
        output.stream().map(p -> p.getSecond().datum()).toList());
    assertEquals(4, driver.getCounters().findCounter(RecordCounters.READ).getValue());
    assertEquals(3, driver.getCounters().findCounter(RecordCounters.WRITTEN).getValue());
    assertEquals(1, driver.getCounters().findCounter(RecordCounters.SKIPPED).getValue());
  }

  @Test
  void combinerSumsOneKeyAndKeepsItsViewer() throws IOException {
    ReduceDriver<AvroKey<ProductViewerKey>, AvroValue<ProductActivity>, AvroKey<ProductViewerKey>,
        AvroValue<ProductActivity>> driver = ReduceDriver.newReduceDriver(new ProductActivityCombiner())
            .withConfiguration(conf(ProductViewerKey.getClassSchema(), ProductActivity.getClassSchema()));
    driver.withInput(new AvroKey<>(new ProductViewerKey("p-1", "v-1")), List.of(
        new AvroValue<>(view("v-1")), new AvroValue<>(view("v-1"))));

    List<Pair<AvroKey<ProductViewerKey>, AvroValue<ProductActivity>>> output = driver.run();

    assertEquals(1, output.size());
    assertEquals(new ProductActivity("v-1", null, null, 2L, 0L, 0L, 0L, NO_USD, 0L), output.get(0).getSecond().datum());
  }

  /**
   * The reducer behind a real sort and grouping (MRUnit's ReduceDriver cannot pass the null key a Parquet
   * writer takes): the non-view activity (viewer "") sorts first, then each viewer's records together.
   */
  @Test
  void reducerCountsDistinctViewersAmongNeighboursAndRoundsOnce() throws Exception {
    List<ProductActivity> values = List.of(
        new ProductActivity("", "shoes", null, 0L, 1L, 1L, 1L, new BigDecimal("0.0050000000"), 0L),
        new ProductActivity("", "shoes", null, 0L, 0L, 1L, 4L, new BigDecimal("0.0100000000"), 0L),
        new ProductActivity("", "shoes", null, 0L, 0L, 1L, 2L, NO_USD, 1L),
        view("c-3"), view("a-1"), view("b-2"), view("a-1"));
    List<ProductViewerKey> keys = values.stream().map(v -> new ProductViewerKey("p-1", v.getViewer())).toList();
    ReusingShuffle shuffle = new ReusingShuffle(conf(ProductViewerKey.getClassSchema(),
        ProductActivity.getClassSchema()), ProductDaily.getClassSchema());

    List<ProductDaily> rows = shuffle.runRows(new ProductDailyReducer(), keys, values);

    // 0.005 + 0.010 = 0.015 rounds half-even to 0.02 once; rounding each would give 0.00 + 0.01.
    assertEquals(List.of(new ProductDaily("p-1", "shoes", null, 4L, 1L, 3L, 7L, new BigDecimal("0.02"), 1L, 3L, DAY)),
        rows);
    assertEquals(1, shuffle.counters().findCounter(MartCounters.ROWS).getValue());
  }

  /** Map outputs of two map tasks, each already combined, through a real sort and grouping. */
  @Test
  void viewersSplitAcrossMapOutputsAreCountedOnce() throws Exception {
    List<ProductViewerKey> keys = new ArrayList<>();
    List<ProductActivity> values = new ArrayList<>();
    for (String[] pair : new String[][] {{"p-2", "v-9"}, {"p-1", "v-2"}, {"p-1", ""}, {"p-1", "v-1"}, {"p-2", "v-9"},
        {"p-1", "v-2"}, {"p-1", "v-1"}}) {
      keys.add(new ProductViewerKey(pair[0], pair[1]));
      values.add(pair[1].isEmpty() ? new ProductActivity("", null, null, 0L, 1L, 0L, 0L, NO_USD, 0L) : view(pair[1]));
    }
    ReusingShuffle shuffle = new ReusingShuffle(
        MartTaskConf.of(ProductViewerKey.getClassSchema(), ProductActivity.getClassSchema(),
            "product_id", DAY), ProductDaily.getClassSchema());

    List<ProductDaily> rows = shuffle.runRows(new ProductDailyReducer(), keys, values);

    assertEquals(List.of("p-1 views 4 viewers 2 carts 1", "p-2 views 2 viewers 1 carts 0"), rows.stream()
        .map(r -> r.getProductId() + " views " + r.getViews() + " viewers " + r.getUniqueViewers() + " carts "
            + r.getAddToCarts()).toList());
  }

  private static ProductActivity view(String viewer) {
    return new ProductActivity(viewer, null, null, 1L, 0L, 0L, 0L, NO_USD, 0L);
  }

  private static Configuration conf(org.apache.avro.Schema key, org.apache.avro.Schema value) throws IOException {
    return MartTaskConf.of(key, value, key.equals(ProductViewerKey.getClassSchema()) ? "product_id" : null, DAY);
  }

  private static EnrichedEvent enriched(Event event, String rate) {
    return new EnrichedEvent(event, event.getProductId() != null, "shoes", "acme", rate == null ? null : new BigDecimal(rate));
  }

  private static Event.Builder event(String id, EventType type, String product, String anonymousId, String userId) {
    return Event.newBuilder().setEventId(id).setEventType(type).setEventTime(Instant.parse("2026-11-20T10:00:00Z"))
        .setAnonymousId(anonymousId).setUserId(userId).setProductId(product).setQuantity(1).setPrice(null)
        .setCurrency(null).setOrderId(null).setCountry(null).setPageUrl(null).setReferrer(null).setUserAgent(null)
        .setIp(null).setSearchQuery(null).setAttributes(Map.of()).setArrivalDate(DAY).setSourceFile("/raw/a.jsonl")
        .setSourceOffset(0).setSourceLine(1);
  }
}
