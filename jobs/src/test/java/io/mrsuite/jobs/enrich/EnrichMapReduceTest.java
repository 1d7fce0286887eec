package io.mrsuite.jobs.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mrsuite.formats.avro.CuratedDataModel;
import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.avro.FxRate;
import io.mrsuite.formats.avro.Product;
import io.mrsuite.jobs.cache.CachedAvroFiles;
import io.mrsuite.jobs.cache.CachedFxRates;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.JoinKey;
import io.mrsuite.jobs.shuffle.ReusingShuffle;
import io.mrsuite.jobs.shuffle.SecondarySort;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.avro.mapreduce.AvroJob;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map-side and the reduce-side join, each on the same events and reference data. */
class EnrichMapReduceTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final Schema JOIN_VALUE = Schema.createUnion(Product.getClassSchema(), EnrichedEvent.getClassSchema());

  @TempDir
  static Path dir;
  private static Path catalog;
  private static Path fxRates;

  private static final Event VIEW = event("e-1", EventType.product_view, "p-1", null, null);
  private static final Event UNKNOWN_PRODUCT = event("e-2", EventType.add_to_cart, "p-404", "9.99", "EUR");
  private static final Event NO_RATE = event("e-3", EventType.purchase, "p-2", "5.00", "CHF");
  private static final Event PAGE = event("p-1", EventType.page_view, null, null, null);

  @BeforeAll
  static void referenceData() throws IOException {
    catalog = write("products", Product.getClassSchema(), List.of(
        product("p-1", "Shoes", "Acme"), product("p-2", null, null)));
    fxRates = write("fx_rates", FxRate.getClassSchema(), List.of(
        new FxRate("EUR", new BigDecimal("1.08000000"), DAY, "/raw/fx.csv", 10L)));
  }

  @Test
  void mapSideJoinAttachesCatalogAndRateFromTheCache() throws IOException {
    MapDriver<AvroKey<Event>, NullWritable, AvroKey<EnrichedEvent>, NullWritable> driver =
        MapDriver.newMapDriver(new MapSideEnrichMapper())
            .withConfiguration(shipped(conf(Event.getClassSchema(), null), true))
            .withOutputSerializationConfiguration(conf(EnrichedEvent.getClassSchema(), null));
    for (Event event : List.of(VIEW, UNKNOWN_PRODUCT, NO_RATE, PAGE)) {
      driver.withInput(new AvroKey<>(event), NullWritable.get());
    }

    List<EnrichedEvent> output = driver.run().stream().map(p -> p.getFirst().datum()).toList();

    assertEquals(expected(), output);
    assertCounts(driver.getCounters());
    assertEquals(2, driver.getCounters().findCounter(EnrichCounters.CATALOG_PRODUCTS).getValue());
  }

  @Test
  void reduceSideJoinGivesTheSameRecords() throws Exception {
    MapDriver<AvroKey<Event>, NullWritable, AvroKey<JoinKey>, AvroValue<Object>> events =
        MapDriver.newMapDriver(new EventsJoinMapper())
            .withConfiguration(shipped(conf(Event.getClassSchema(), null), false))
            .withOutputSerializationConfiguration(conf(JoinKey.getClassSchema(), JOIN_VALUE));
    for (Event event : List.of(VIEW, UNKNOWN_PRODUCT, NO_RATE, PAGE)) {
      events.withInput(new AvroKey<>(event), NullWritable.get());
    }
    MapDriver<AvroKey<Product>, NullWritable, AvroKey<JoinKey>, AvroValue<Object>> products =
        MapDriver.newMapDriver(new CatalogJoinMapper()).withConfiguration(conf(Product.getClassSchema(), null))
            .withOutputSerializationConfiguration(conf(JoinKey.getClassSchema(), JOIN_VALUE));
    products.withInput(new AvroKey<>(product("p-1", "Shoes", "Acme")), NullWritable.get());
    products.withInput(new AvroKey<>(product("p-2", null, null)), NullWritable.get());

    List<JoinKey> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (Pair<AvroKey<JoinKey>, AvroValue<Object>> pair : events.run()) {
      keys.add(pair.getFirst().datum());
      values.add(pair.getSecond().datum());
    }
    // The event without a product is keyed by its event id, "p-1", the same as product p-1: it must stay unjoined.
    assertEquals(List.of("p-1", "p-404", "p-2", "p-1"), keys.stream().map(JoinKey::getKey).toList());
    for (Pair<AvroKey<JoinKey>, AvroValue<Object>> pair : products.run()) {
      keys.add(pair.getFirst().datum());
      values.add(pair.getSecond().datum());
    }
    ReusingShuffle shuffle = new ReusingShuffle(conf(JoinKey.getClassSchema(), JOIN_VALUE),
        EnrichedEvent.getClassSchema());

    List<EnrichedEvent> joined = new ArrayList<>(shuffle.run(new CatalogJoinReducer(), keys, values));

    joined.sort((a, b) -> a.getEvent().getEventId().compareTo(b.getEvent().getEventId()));
    List<EnrichedEvent> expected = new ArrayList<>(expected());
    expected.sort((a, b) -> a.getEvent().getEventId().compareTo(b.getEvent().getEventId()));
    assertEquals(expected, joined);
    assertEquals(4, shuffle.counters().findCounter(RecordCounters.WRITTEN).getValue());
    assertEquals(2, shuffle.counters().findCounter(EnrichCounters.IN_CATALOG).getValue());
    assertEquals(1, shuffle.counters().findCounter(EnrichCounters.NOT_IN_CATALOG).getValue());
    assertEquals(1, shuffle.counters().findCounter(EnrichCounters.NO_PRODUCT).getValue());
    assertEquals(4, events.getCounters().findCounter(RecordCounters.READ).getValue());
    assertEquals(2, products.getCounters().findCounter(EnrichCounters.CATALOG_PRODUCTS).getValue());
  }

  @Test
  void reducerHoldsOnlyTheCatalogEntryOfItsProduct() throws IOException {
    ReduceDriver<AvroKey<JoinKey>, AvroValue<Object>, AvroKey<EnrichedEvent>, NullWritable> driver =
        ReduceDriver.newReduceDriver(new CatalogJoinReducer()).withConfiguration(conf(JoinKey.getClassSchema(), JOIN_VALUE))
            .withOutputSerializationConfiguration(conf(EnrichedEvent.getClassSchema(), null));
    EnrichedEvent view = unjoined(VIEW, null);
    driver.withInput(new AvroKey<>(new JoinKey("p-1", 0, 0, "", 0L)),
        List.of(new AvroValue<>(product("p-1", "Shoes", "Acme")), new AvroValue<>(view)));
    driver.withInput(new AvroKey<>(new JoinKey("p-9", 1, 0, "", 0L)),
        List.of(new AvroValue<>(unjoined(event("e-9", EventType.product_view, "p-9", null, null), null))));

    List<EnrichedEvent> output = driver.run().stream().map(p -> p.getFirst().datum()).toList();

    assertEquals(List.of(expected().get(0), unjoined(event("e-9", EventType.product_view, "p-9", null, null), null)),
        output);
  }

  private static List<EnrichedEvent> expected() {
    EnrichedEvent view = unjoined(VIEW, null);
    view.setInCatalog(true);
    view.setCategory("Shoes");
    view.setBrand("Acme");
    EnrichedEvent noRate = unjoined(NO_RATE, null);
    noRate.setInCatalog(true);
    return List.of(view, unjoined(UNKNOWN_PRODUCT, "1.08000000"), noRate, unjoined(PAGE, null));
  }

  private static void assertCounts(Counters counters) {
    assertEquals(4, counters.findCounter(RecordCounters.READ).getValue());
    assertEquals(4, counters.findCounter(RecordCounters.WRITTEN).getValue());
    assertEquals(2, counters.findCounter(EnrichCounters.IN_CATALOG).getValue());
    assertEquals(1, counters.findCounter(EnrichCounters.NOT_IN_CATALOG).getValue());
    assertEquals(1, counters.findCounter(EnrichCounters.NO_PRODUCT).getValue());
    assertEquals(1, counters.findCounter(EnrichCounters.RATE_FOUND).getValue());
    assertEquals(1, counters.findCounter(EnrichCounters.NO_RATE).getValue());
    assertEquals(2, counters.findCounter(EnrichCounters.NO_CURRENCY).getValue());
  }

  private static EnrichedEvent unjoined(Event event, String rate) {
    return new EnrichedEvent(event, false, null, null, rate == null ? null : new BigDecimal(rate));
  }

  private static Configuration conf(Schema key, Schema value) throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setDataModelClass(job, CuratedDataModel.class);
    AvroJob.setMapOutputKeySchema(job, key);
    if (value != null) {
      AvroJob.setMapOutputValueSchema(job, value);
    }
    if (key.equals(JoinKey.getClassSchema())) {
      SecondarySort.configure(job, key, value, "key");
    }
    return job.getConfiguration();
  }

  /** The task configuration with the FX rates, and the catalog when asked, shipped as the job ships them. */
  private static Configuration shipped(Configuration conf, boolean withCatalog) throws IOException {
    Job job = Job.getInstance(conf);
    if (withCatalog) {
      CachedAvroFiles.ship(job, CachedAvroFiles.visibleFiles(partition(catalog), conf),
          EnrichEventsKeys.CATALOG_LINK_PREFIX);
    }
    CachedFxRates.ship(job, partition(fxRates));
    return job.getConfiguration();
  }

  private static org.apache.hadoop.fs.Path partition(Path dir) {
    return new org.apache.hadoop.fs.Path(dir.toUri());
  }

  /** A partition directory {@code name} holding one Avro file of the records. */
  private static <T> Path write(String name, Schema schema, List<T> records) throws IOException {
    Path partition = Files.createDirectories(dir.resolve(name));
    File file = partition.resolve("part-00000.avro").toFile();
    try (DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<T>(schema))) {
      writer.create(schema, file);
      for (T record : records) {
        writer.append(record);
      }
    }
    return partition;
  }

  private static Product product(String id, String category, String brand) {
    return new Product(id, "title", category, brand, new BigDecimal("1.00"), "EUR", true, DAY, "/raw/products.csv", 0L);
  }

  private static Event event(String id, EventType type, String product, String price, String currency) {
    return Event.newBuilder().setEventId(id).setEventType(type).setEventTime(Instant.parse("2026-11-20T10:00:00Z"))
        .setAnonymousId("a-1").setUserId(null).setProductId(product).setQuantity(1)
        .setPrice(price == null ? null : new BigDecimal(price)).setCurrency(currency).setOrderId(null).setCountry(null)
        .setPageUrl(null).setReferrer(null).setUserAgent(null).setIp(null).setSearchQuery(null)
        .setAttributes(Map.of()).setArrivalDate(DAY).setSourceFile("/raw/events/a.jsonl").setSourceOffset(0)
        .setSourceLine(1).build();
  }
}
