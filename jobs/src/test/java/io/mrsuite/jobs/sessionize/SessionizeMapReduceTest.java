package io.mrsuite.jobs.sessionize;

import static io.mrsuite.jobs.sessionize.SessionFixtures.enriched;
import static io.mrsuite.jobs.sessionize.SessionFixtures.event;
import static io.mrsuite.jobs.sessionize.SessionFixtures.taskConf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.EnrichedEvent;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.avro.Session;
import io.mrsuite.jobs.run.RecordCounters;
import io.mrsuite.jobs.shuffle.FieldPartitioner;
import io.mrsuite.jobs.shuffle.ReusingShuffle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.mapred.AvroKey;
import org.apache.avro.mapred.AvroValue;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.RawComparator;
import org.apache.hadoop.io.serializer.SerializationFactory;
import org.apache.hadoop.io.serializer.Serializer;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.apache.hadoop.mrunit.types.Pair;
import org.apache.hadoop.util.ReflectionUtils;
import org.junit.jupiter.api.Test;

class SessionizeMapReduceTest {
  private static final String T0 = "2026-11-20T10:00:00Z";

  @Test
  void mapperKeysEachEventByVisitorTimeAndIdAndPricesPurchasesExactly() throws IOException {
    EnrichedEvent signedIn = enriched(event("e-1", EventType.purchase, "2026-11-20T10:00:00.123Z", "a-1")
        .setUserId("u-1").setProductId("p-1").setQuantity(3).setPrice(new BigDecimal("19.99")).setCurrency("EUR")
        .setOrderId("o-1").setCountry("DE").setPageUrl("/thanks").setDevice("ios-app").build(), "1.08500000");
    EnrichedEvent anonymous = enriched(event("e-2", EventType.page_view, T0, "a-2").build(), null);
    EnrichedEvent noRate = enriched(event("e-3", EventType.purchase, T0, "a-3").setProductId("p-2")
        .setPrice(new BigDecimal("5.00")).setCurrency("CHF").setOrderId("o-2").build(), null);
    MapDriver<AvroKey<EnrichedEvent>, NullWritable, AvroKey<SessionKey>, AvroValue<SessionEvent>> driver =
        MapDriver.newMapDriver(new SessionizeMapper()).withConfiguration(taskConf(EnrichedEvent.getClassSchema(), null))
            .withOutputSerializationConfiguration(taskConf(SessionKey.getClassSchema(), SessionEvent.getClassSchema()));
    for (EnrichedEvent input : List.of(signedIn, anonymous, noRate)) {
      driver.withInput(new AvroKey<>(input), NullWritable.get());
    }

    List<Pair<AvroKey<SessionKey>, AvroValue<SessionEvent>>> output = driver.run();

    long t1 = Instant.parse("2026-11-20T10:00:00.123Z").toEpochMilli();
    long t0 = Instant.parse(T0).toEpochMilli();
    assertEquals(List.of(new SessionKey("u-1", t1, "e-1"), new SessionKey("a-2", t0, "e-2"),
        new SessionKey("a-3", t0, "e-3")), output.stream().map(p -> p.getFirst().datum()).toList());
    assertEquals(List.of(
        new SessionEvent(t1, EventType.purchase, "DE", "/thanks", "ios-app", new BigDecimal("65.0674500000")),
        new SessionEvent(t0, EventType.page_view, null, null, null, null),
        new SessionEvent(t0, EventType.purchase, null, null, null, null)),
        output.stream().map(p -> p.getSecond().datum()).toList());
    assertEquals(3, driver.getCounters().findCounter(RecordCounters.READ).getValue());
  }

  @Test
  void partitionerSendsEveryKeyOfAVisitorToOneReducer() throws IOException {
    FieldPartitioner<Object> partitioner = ReflectionUtils.newInstance(FieldPartitioner.class,
        taskConf(SessionKey.getClassSchema(), SessionEvent.getClassSchema()));
    for (int reducers : new int[] {1, 2, 3, 7}) {
      Set<Integer> used = new HashSet<>();
      for (int visitor = 0; visitor < 200; visitor++) {
        int first = partitioner.getPartition(key("visitor-" + visitor, 0, "e-0"), null, reducers);
        for (int i = 1; i < 20; i++) {
          assertEquals(first, partitioner.getPartition(key("visitor-" + visitor, i * 997_000L, "e-" + i), null, reducers));
        }
        assertTrue(first >= 0 && first < reducers);
        used.add(first);
      }
      assertEquals(reducers, used.size(), "200 visitors reach every one of " + reducers + " reducers");
    }
  }

  @Test
  void sortOrdersAVisitorsEventsByTimeThenEventIdAndGroupingSeesOnlyTheVisitor() throws IOException {
    Configuration conf = taskConf(SessionKey.getClassSchema(), SessionEvent.getClassSchema());
    JobConf job = new JobConf(conf);
    RawComparator<Object> sort = job.getOutputKeyComparator();
    RawComparator<Object> grouping = job.getOutputValueGroupingComparator();
    // "v-é" first: Avro 1.12 compares string bytes as signed (AVRO-4045), so UTF-8 lead bytes sort before ASCII.
    List<SessionKey> ascending = List.of(key("v-é", 0, "a").datum(), key("v-1", -1, "z").datum(), key("v-1", 0, "b").datum(),
        key("v-1", 1_000, "a").datum(), key("v-1", 1_000, "b").datum(), key("v-1", 86_400_000L, "a").datum(),
        key("v-2", 0, "a").datum());
    for (int i = 0; i < ascending.size(); i++) {
      for (int j = 0; j < ascending.size(); j++) {
        byte[] a = serialize(conf, ascending.get(i));
        byte[] b = serialize(conf, ascending.get(j));
        assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(sort.compare(a, 0, a.length, b, 0, b.length)),
            ascending.get(i) + " vs " + ascending.get(j));
        boolean sameVisitor = ascending.get(i).getVisitor().equals(ascending.get(j).getVisitor());
        int grouped = grouping.compare(a, 0, a.length, b, 0, b.length);
        assertEquals(sameVisitor, grouped == 0, ascending.get(i) + " vs " + ascending.get(j));
        if (!sameVisitor) {
          assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(grouped), "grouping agrees with the sort");
          assertEquals(Integer.signum(grouped), Integer.signum(grouping.compare(new AvroKey<>(ascending.get(i)),
              new AvroKey<>(ascending.get(j)))), "object compare agrees");
        }
      }
    }
  }

  @Test
  void reducerSplitsOnlyAfterMoreThanThirtyMinutes() throws IOException {
    long t0 = Instant.parse(T0).toEpochMilli();
    // The first session's first event has no device, so neither has the session; the second keeps its first's.
    List<SessionEvent> events = List.of(
        value(t0, EventType.page_view, null, "/home", null),
        value(t0 + OpenSession.MAX_GAP_MILLIS, EventType.product_view, "FR", "/p/1", null, "web"),
        value(t0 + OpenSession.MAX_GAP_MILLIS, EventType.add_to_cart, "DE", null, null),
        value(t0 + 2 * OpenSession.MAX_GAP_MILLIS + 1, EventType.checkout, null, "/checkout", null, "ios-app"),
        value(t0 + 2 * OpenSession.MAX_GAP_MILLIS + 2, EventType.purchase, null, "", new BigDecimal("10.0050000000"),
            "web"),
        value(t0 + 2 * OpenSession.MAX_GAP_MILLIS + 3, EventType.purchase, "IT", null, new BigDecimal("10.0150000000")),
        value(t0 + 2 * OpenSession.MAX_GAP_MILLIS + 4, EventType.purchase, null, null, null));

    ReduceDriver<AvroKey<SessionKey>, AvroValue<SessionEvent>, AvroKey<Session>, NullWritable> driver = reduceDriver();
    driver.withInput(key("u-1", t0, "e-1"), events.stream().map(AvroValue::new).toList());
    List<Session> sessions = driver.run().stream().map(p -> p.getFirst().datum()).toList();

    assertEquals(List.of(
        session("u-1@2026-11-20T10:00:00.000Z", "u-1", t0, t0 + OpenSession.MAX_GAP_MILLIS, 3,
            new int[] {1, 1, 0, 1, 0, 0, 0}, "0.00", 0, "FR", "/home", "/p/1", null),
        // 10.0050 + 10.0150 = 20.0200 exactly: rounding happens once, at the end.
        session("u-1@2026-11-20T11:00:00.001Z", "u-1", t0 + 2 * OpenSession.MAX_GAP_MILLIS + 1,
            t0 + 2 * OpenSession.MAX_GAP_MILLIS + 4, 4, new int[] {0, 0, 0, 0, 0, 1, 3}, "20.02", 1, "IT",
            "/checkout", "", "ios-app")), sessions);
    assertEquals(7, driver.getCounters().findCounter(RecordCounters.WRITTEN).getValue());
    assertEquals(2, driver.getCounters().findCounter(SessionizeCounters.SESSIONS).getValue());
    assertEquals(1, driver.getCounters().findCounter(SessionizeCounters.CONVERTED_SESSIONS).getValue());
    assertEquals(1, driver.getCounters().findCounter(SessionizeCounters.UNCONVERTED_PURCHASES).getValue());
  }

  @Test
  void reducerCutsAtMidnightUtcAndRoundsRevenueHalfEven() throws IOException {
    long midnight = Instant.parse("2026-11-21T00:00:00Z").toEpochMilli();
    ReduceDriver<AvroKey<SessionKey>, AvroValue<SessionEvent>, AvroKey<Session>, NullWritable> driver = reduceDriver();
    driver.withInput(key("a-9", midnight - 1, "e-1"), List.of(
        new AvroValue<>(value(midnight - 1, EventType.purchase, null, null, new BigDecimal("0.0050000000"))),
        new AvroValue<>(value(midnight, EventType.purchase, null, null, new BigDecimal("0.0150000000")))));

    List<Session> sessions = driver.run().stream().map(p -> p.getFirst().datum()).toList();

    assertEquals(List.of(
        session("a-9@2026-11-20T23:59:59.999Z", "a-9", midnight - 1, midnight - 1, 1, new int[] {0, 0, 0, 0, 0, 0, 1},
            "0.00", 0, null, null, null, null),
        session("a-9@2026-11-21T00:00:00.000Z", "a-9", midnight, midnight, 1, new int[] {0, 0, 0, 0, 0, 0, 1},
            "0.02", 0, null, null, null, null)), sessions);
  }

  /**
   * The whole secondary sort: map outputs of three visitors in scrambled order go through a real sort and
   * grouping (Hadoop's ReduceContextImpl, values and keys reused) and come out as each visitor's sessions.
   */
  @Test
  void shuffledEventsOfSeveralVisitorsBecomeTheirSessions() throws Exception {
    long t0 = Instant.parse(T0).toEpochMilli();
    long gap = OpenSession.MAX_GAP_MILLIS;
    List<SessionKey> keys = new ArrayList<>();
    List<SessionEvent> values = new ArrayList<>();
    Object[][] events = {
        {"v-b", t0 + gap + 5, "e-3", EventType.checkout},
        {"v-a", t0, "e-2", EventType.product_view},
        {"v-b", t0, "e-9", EventType.page_view},
        {"v-a", t0, "e-1", EventType.page_view},
        {"v-c", t0 + 5, "e-5", EventType.search},
        {"v-a", t0 + gap, "e-4", EventType.add_to_cart},
        {"v-b", t0 + 2, "e-7", EventType.product_view},
    };
    for (Object[] e : events) {
      long time = (Long) e[1];
      keys.add(new SessionKey((String) e[0], time, (String) e[2]));
      // The event id as page_url shows which event opened and closed each session.
      values.add(value(time, (EventType) e[3], null, (String) e[2], null));
    }
    ReusingShuffle shuffle = new ReusingShuffle(taskConf(SessionKey.getClassSchema(), SessionEvent.getClassSchema()),
        Session.getClassSchema());

    List<Session> sessions = shuffle.run(new SessionizeReducer(), keys, values);

    assertEquals(List.of("v-a@2026-11-20T10:00:00.000Z 3 e-1..e-4", "v-b@2026-11-20T10:00:00.000Z 2 e-9..e-7",
        "v-b@2026-11-20T10:30:00.005Z 1 e-3..e-3", "v-c@2026-11-20T10:00:00.005Z 1 e-5..e-5"),
        sessions.stream().map(s -> s.getSessionId() + " " + s.getEventCount() + " " + s.getEntryUrl() + ".."
            + s.getExitUrl()).toList());
    assertEquals(7, shuffle.counters().findCounter(RecordCounters.WRITTEN).getValue());
  }

  private static ReduceDriver<AvroKey<SessionKey>, AvroValue<SessionEvent>, AvroKey<Session>, NullWritable> reduceDriver()
      throws IOException {
    return ReduceDriver.newReduceDriver(new SessionizeReducer())
        .withConfiguration(taskConf(SessionKey.getClassSchema(), SessionEvent.getClassSchema()))
        .withOutputSerializationConfiguration(taskConf(Session.getClassSchema(), null));
  }

  private static AvroKey<SessionKey> key(String visitor, long time, String eventId) {
    return new AvroKey<>(new SessionKey(visitor, time, eventId));
  }

  private static SessionEvent value(long time, EventType type, String country, String url, BigDecimal usd) {
    return value(time, type, country, url, usd, null);
  }

  private static SessionEvent value(long time, EventType type, String country, String url, BigDecimal usd,
      String device) {
    return new SessionEvent(time, type, country, url, device, usd);
  }

  /** counts: page views, product views, searches, cart adds, cart removes, checkouts, purchases. */
  private static Session session(String id, String visitor, long start, long end, int events, int[] counts,
      String revenue, int unconverted, String country, String entry, String exit, String device) {
    return new Session(id, visitor, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), events, counts[0],
        counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[6] > 0, new BigDecimal(revenue),
        unconverted, country, entry, exit, device);
  }

  @SuppressWarnings("unchecked")
  private static byte[] serialize(Configuration conf, SessionKey key) throws IOException {
    Serializer<Object> serializer = new SerializationFactory(conf).getSerializer((Class<Object>) (Class<?>) AvroKey.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer.open(out);
    serializer.serialize(new AvroKey<>(key));
    serializer.close();
    return out.toByteArray();
  }
}
