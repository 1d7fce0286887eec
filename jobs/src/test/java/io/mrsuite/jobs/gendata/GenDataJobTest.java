package io.mrsuite.jobs.gendata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.events.RawEventDecoder;
import io.mrsuite.formats.json.JsonObjectParser;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.jobs.gendata.CsvReader.CsvRecord;
import io.mrsuite.jobs.tool.MrSuiteTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs gen-data through ToolRunner on the LocalJobRunner and reads what it wrote with the project's own
 * readers: events through LineScanner and RawEventDecoder, CSV through a strict RFC 4180 reader and the
 * rules of contract section 3 ({@link OrderChecks}).
 *
 * <p>The main run: 2 days x 6,000 events in 3 shards of 2,000, seed 42, bad rate 1%. "Events per day" means
 * records, i.e. non-empty lines of raw/events/dt=D, bad lines, retries and late arrivals included; empty
 * lines come on top. With 2,000 records a shard plants exactly round(2,000 x 1%) = 20 bad lines, the kinds in
 * turn (6 kinds: 3 or 4 each), and one empty line per round of 6 (3).
 */
@Timeout(120)
class GenDataJobTest {
  private static final LocalDate DAY1 = LocalDate.of(2026, 11, 20);
  private static final LocalDate DAY2 = DAY1.plusDays(1);
  private static final int EVENTS = 6_000;
  private static final int SHARDS = 3;
  private static final int BAD_PER_SHARD = 20;
  private static final double RATE = 0.01;
  private static final List<String> MAIN = List.of("--days", "2", "--events-per-day", "6000", "--shards", "3",
      "--seed", "42");

  @TempDir
  static Path tmp;
  private static Path mainRoot;
  private static RawZone zone;
  private static final Map<LocalDate, DayEvents> EVENTS_BY_DAY = new HashMap<>();

  /** What a day's event lines decoded to. */
  record DayEvents(int records, int empty, Map<QuarantineReason, Integer> rejected, List<ValidLine> valid) {
    int bad() {
      return rejected.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  record ValidLine(Event event, String text, String file) {
  }

  @BeforeAll
  static void generate() throws Exception {
    mainRoot = tmp.resolve("main");
    assertEquals(0, run(mainRoot, MAIN));
    zone = new RawZone(mainRoot);
    for (LocalDate day : List.of(DAY1, DAY2)) {
      EVENTS_BY_DAY.put(day, decode(zone, day));
    }
  }

  private static int run(Path root, List<String> options, String... generic) throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    conf.set("mapreduce.framework.name", "local");
    conf.set("hadoop.tmp.dir", tmp.resolve("hadoop").toString());
    List<String> args = new ArrayList<>(List.of(generic));
    args.add("--root");
    args.add(root.toString());
    args.addAll(options);
    return ToolRunner.run(conf, new GenDataJob(), args.toArray(new String[0]));
  }

  private static DayEvents decode(RawZone zone, LocalDate day) throws IOException {
    RawEventDecoder decoder = new RawEventDecoder(day, 1);
    int[] counts = new int[2];
    Map<QuarantineReason, Integer> rejected = new EnumMap<>(QuarantineReason.class);
    List<ValidLine> valid = new ArrayList<>();
    for (Path file : zone.eventFiles(day)) {
      RawZone.eachLine(file, line -> {
        if (RawEventDecoder.isSkipped(line)) {
          counts[1]++;
          return;
        }
        counts[0]++;
        try {
          valid.add(new ValidLine(decoder.decode(line), line.text(), file.toString()));
        } catch (Rejection rejection) {
          rejected.merge(rejection.reason(), 1, Integer::sum);
        }
      });
    }
    return new DayEvents(counts[0], counts[1], rejected, valid);
  }

  @Test
  void writesEveryRawPartitionWithItsMarkerAndNothingElse() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (LocalDate day : List.of(DAY1, DAY2)) {
      String dt = "/dt=" + day + "/";
      for (String dataset : List.of("events", "orders", "order_lines", "products", "fx_rates")) {
        expected.add("raw/" + dataset + dt + "_SUCCESS");
        expected.add("raw/" + dataset + dt + "_manifest.json");
      }
      expected.add("raw/products" + dt + "products.csv");
      expected.add("raw/fx_rates" + dt + "fx_rates.csv");
      for (int shard = 0; shard < SHARDS; shard++) {
        expected.add("raw/orders" + dt + "orders-0000" + shard + ".csv");
        expected.add("raw/order_lines" + dt + "order_lines-0000" + shard + ".csv");
        for (int hour = 0; hour < 24; hour++) {
          expected.add("raw/events" + dt + "hr=" + (hour < 10 ? "0" : "") + hour + "/events-0000" + shard
              + (shard == 1 ? ".jsonl.gz" : ".jsonl"));
        }
      }
    }
    assertEquals(List.copyOf(expected), zone.files());
    try (Stream<Path> top = Files.list(mainRoot)) {
      assertEquals(List.of("raw"), top.map(p -> p.getFileName().toString()).toList(), "no staging left behind");
    }
  }

  @Test
  void everyDayHoldsExactlyTheRequestedRecordsWithTheBadShareAsPlanned() {
    for (LocalDate day : List.of(DAY1, DAY2)) {
      DayEvents events = EVENTS_BY_DAY.get(day);
      assertEquals(EVENTS, events.records(), day + ": records");
      assertEquals(SHARDS * BAD_PER_SHARD, events.bad(), day + ": bad lines " + events.rejected());
      assertEquals(RATE, events.bad() / (double) events.records(), 1e-9, day + ": bad share");
      assertEquals(SHARDS * (BAD_PER_SHARD / BadEvent.ROTATION.size()), events.empty(), day + ": empty lines");
      assertEquals(EVENTS - events.bad(), events.valid().size());
      for (BadEvent kind : BadEvent.ROTATION) {
        int count = events.rejected().getOrDefault(kind.reason(), 0);
        // 3 shards, each 3 or 4 of every kind.
        assertTrue(count >= 9 && count <= 12, day + ": " + kind + " " + count);
      }
      assertFalse(events.rejected().containsKey(QuarantineReason.RECORD_TOO_LARGE), "only when asked for");
      for (ValidLine line : events.valid()) {
        LocalDate date = LocalDate.ofInstant(line.event().getEventTime(), ZoneOffset.UTC);
        assertTrue(date.equals(day) || date.equals(day.minusDays(1)), line.text());
      }
    }
  }

  @Test
  void carriesTheRealismTheLaterJobsNeed() throws Exception {
    JsonObjectParser parser = new JsonObjectParser();
    for (LocalDate day : List.of(DAY1, DAY2)) {
      List<ValidLine> valid = EVENTS_BY_DAY.get(day).valid();
      Map<String, ValidLine> first = new HashMap<>();
      int retries = 0;
      for (ValidLine line : valid) {
        ValidLine original = first.putIfAbsent(line.event().getEventId(), line);
        if (original != null) {
          retries++;
          assertEquals(original.text(), line.text(), "a retry is the same line");
        }
      }
      assertTrue(retries >= EVENTS * 0.002 && retries <= EVENTS * 0.01, day + ": retries " + retries);

      Map<String, Set<LocalDate>> datesByVisitor = new HashMap<>();
      Map<String, List<EventType>> typesByVisitor = new HashMap<>();
      int late = 0;
      int localDateDiffers = 0;
      int epochMillis = 0;
      int signedIn = 0;
      Set<String> currencies = new HashSet<>();
      Set<String> attributes = new HashSet<>();
      Set<String> devices = new HashSet<>();
      for (ValidLine line : valid) {
        Event event = line.event();
        LocalDate utcDate = LocalDate.ofInstant(event.getEventTime(), ZoneOffset.UTC);
        late += utcDate.isBefore(day) ? 1 : 0;
        datesByVisitor.computeIfAbsent(event.getAnonymousId(), k -> new HashSet<>()).add(utcDate);
        typesByVisitor.computeIfAbsent(event.getAnonymousId(), k -> new ArrayList<>()).add(event.getEventType());
        String time = parser.parse(line.text()).get("event_time").text();
        if (time.length() > 10 && time.charAt(4) == '-') {
          localDateDiffers += LocalDate.parse(time.substring(0, 10)).equals(utcDate) ? 0 : 1;
        } else {
          epochMillis++;
        }
        signedIn += event.getUserId() != null ? 1 : 0;
        if (event.getCurrency() != null) {
          currencies.add(event.getCurrency());
          if (event.getCurrency().equals("JPY")) {
            assertTrue(event.getPrice().stripTrailingZeros().scale() <= 0, "yen have no fraction: " + line.text());
          }
        }
        attributes.addAll(event.getAttributes().keySet());
        if (event.getDevice() != null) {
          devices.add(event.getDevice());
        }
      }
      assertTrue(late >= EVENTS * 0.01 && late <= EVENTS * 0.03, day + ": late arrivals " + late);
      assertTrue(datesByVisitor.values().stream().anyMatch(dates -> dates.size() == 2), "a session crosses midnight");
      assertTrue(localDateDiffers > 0, "local dates that are not the UTC date");
      assertTrue(epochMillis > 0, "epoch milliseconds");
      assertTrue(signedIn > valid.size() * 0.15 && signedIn < valid.size() * 0.45, "signed in: " + signedIn);
      assertEquals(Set.of("EUR", "USD", "GBP", "JPY"), currencies);
      assertTrue(attributes.containsAll(Set.of("context", "campaign", "experiments", "cart_size")), "" + attributes);
      // Web and iOS send device as a string (Event v2's device), Android as an object (kept in attributes).
      assertEquals(Set.of("desktop", "mobile", "phone", "tablet"), devices);
      assertTrue(attributes.contains("device"), "" + attributes);

      long bots = typesByVisitor.values().stream()
          .filter(types -> types.size() >= EVENTS * 0.008)
          .filter(types -> types.stream().allMatch(t -> t == EventType.page_view || t == EventType.product_view))
          .count();
      assertEquals(Visitors.BOTS, bots, day + ": bots");
    }
  }

  @Test
  void everyPurchaseNamesAnOrderOfTheSameDaysExport() throws IOException {
    for (LocalDate day : List.of(DAY1, DAY2)) {
      Set<String> orderIds = new HashSet<>();
      for (List<CsvRecord> file : zone.csvFiles("orders", day, "orders-")) {
        file.stream().skip(1).forEach(record -> orderIds.add(record.field(0)));
      }
      int purchases = 0;
      for (ValidLine line : EVENTS_BY_DAY.get(day).valid()) {
        if (line.event().getEventType() == EventType.purchase) {
          purchases++;
          assertTrue(orderIds.contains(line.event().getOrderId()), line.text());
        }
      }
      assertTrue(purchases > 20, day + ": purchases " + purchases);
    }
  }

  @Test
  void ordersAndLinesCarryEveryBadKindAtTheBadRateAndValidTotalsAddUp() throws IOException {
    for (LocalDate day : List.of(DAY1, DAY2)) {
      OrderChecks checks = new OrderChecks();
      Set<String> exported = new HashSet<>();
      boolean multiLineNotes = false;
      for (List<CsvRecord> file : zone.csvFiles("orders", day, "orders-")) {
        assertEquals(OrderWriter.ORDERS_HEADER, String.join(",", file.get(0).fields()));
        Map<QuarantineReason, Integer> reasons = new EnumMap<>(QuarantineReason.class);
        for (CsvRecord record : file.subList(1, file.size())) {
          exported.add(record.field(0));
          multiLineNotes |= record.fields().size() == OrderChecks.ORDER_FIELDS && record.field(10).contains("\n");
          QuarantineReason reason = checks.order(record);
          if (reason != null) {
            reasons.merge(reason, 1, Integer::sum);
          }
        }
        int orders = file.size() - 1 - reasons.getOrDefault(QuarantineReason.DUPLICATE_KEY, 0);
        assertPlanted(day + " orders", orders, BadOrder.ROTATION.stream().map(BadOrder::reason).toList(), reasons);
      }
      assertTrue(multiLineNotes, "notes with a newline");
      int linesOfBadOrders = 0;
      for (List<CsvRecord> file : zone.csvFiles("order_lines", day, "order_lines-")) {
        assertEquals(OrderWriter.LINES_HEADER, String.join(",", file.get(0).fields()));
        Map<QuarantineReason, Integer> reasons = new EnumMap<>(QuarantineReason.class);
        for (CsvRecord record : file.subList(1, file.size())) {
          QuarantineReason reason = checks.line(record);
          if (reason == QuarantineReason.ORPHAN_LINE && exported.contains(record.field(0))) {
            linesOfBadOrders++;
          } else if (reason != null) {
            reasons.merge(reason, 1, Integer::sum);
          }
        }
        int lines = file.size() - 1 - reasons.getOrDefault(QuarantineReason.ORPHAN_LINE, 0);
        assertPlanted(day + " order lines", lines, BadOrderLine.ROTATION.stream().map(BadOrderLine::reason).toList(),
            reasons);
      }
      assertTrue(linesOfBadOrders > 0, "lines whose order is bad are orphans too");
    }
  }

  /** The planted count is max(kinds, round(n x rate)), each kind an even share of it. */
  private static void assertPlanted(String what, int records, List<QuarantineReason> kinds,
      Map<QuarantineReason, Integer> found) {
    long planned = Math.min(records, Math.max(kinds.size(), Math.round(records * RATE)));
    assertEquals(planned, found.values().stream().mapToInt(Integer::intValue).sum(), what + ": " + found);
    for (QuarantineReason kind : kinds) {
      int count = found.getOrDefault(kind, 0);
      assertTrue(count >= planned / kinds.size() && count <= (planned + kinds.size() - 1) / kinds.size(),
          what + ": " + kind + " " + count + " of " + planned);
    }
  }

  @Test
  void theSameSeedGivesTheSameBytesWhateverRunsInParallel() throws Exception {
    Path again = tmp.resolve("parallel");
    assertEquals(0, run(again, MAIN, "-D", "mapreduce.local.map.tasks.maximum=4"));
    assertSameFiles(zone.dataFiles(), new RawZone(again).dataFiles());
  }

  @Test
  void aDayGeneratedAloneIsByteIdenticalToThatDayAmongOthers() throws Exception {
    Path alone = tmp.resolve("alone");
    assertEquals(0, run(alone, List.of("--start-date", DAY2.toString(), "--days", "1", "--events-per-day", "6000",
        "--shards", "3", "--seed", "42")));
    Map<String, byte[]> day2 = new HashMap<>(zone.dataFiles());
    day2.keySet().removeIf(file -> !file.contains("/dt=" + DAY2 + "/"));
    assertSameFiles(day2, new RawZone(alone).dataFiles());
  }

  private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    assertTrue(expected.keySet().stream().anyMatch(file -> file.endsWith(".gz")));
    expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file));
  }

  @Test
  void anotherSeedGivesOtherBytes() throws Exception {
    Path other = tmp.resolve("seed43");
    assertEquals(0, run(other, List.of("--days", "1", "--events-per-day", "6000", "--shards", "3", "--seed", "43")));
    Map<String, byte[]> seed42 = zone.dataFiles();
    Map<String, byte[]> seed43 = new RawZone(other).dataFiles();
    assertFalse(seed43.isEmpty());
    seed43.forEach((file, bytes) -> assertFalse(Arrays.equals(bytes, seed42.get(file)), file));
  }

  @Test
  void recordTooLargeIsPlantedOncePerShardWhenAskedFor() throws Exception {
    Path root = tmp.resolve("too-large");
    assertEquals(0, run(root, List.of("--days", "1", "--events-per-day", "700", "--seed", "7",
        "--record-too-large")));
    DayEvents events = decode(new RawZone(root), DAY1);
    assertEquals(700, events.records());
    assertEquals(1, events.rejected().get(QuarantineReason.RECORD_TOO_LARGE));
    assertEquals(BadEvent.values().length, events.rejected().size(), "every kind: " + events.rejected());
  }

  @Test
  void aRerunReplacesEachPartitionWhole() throws Exception {
    Path root = tmp.resolve("rerun");
    assertEquals(0, run(root, List.of("--days", "1", "--events-per-day", "300", "--shards", "3", "--seed", "1")));
    assertTrue(Files.exists(root.resolve("raw/orders/dt=" + DAY1 + "/orders-00002.csv")));
    assertEquals(0, run(root, List.of("--days", "1", "--events-per-day", "300", "--shards", "1", "--seed", "2")));
    List<String> files = new RawZone(root).files();
    assertTrue(files.stream().noneMatch(file -> file.contains("-00001.") || file.contains("-00002.")), "" + files);
    assertEquals(300, decode(new RawZone(root), DAY1).records());
    try (Stream<Path> top = Files.list(root.resolve("raw/orders"))) {
      assertEquals(List.of("dt=" + DAY1), top.map(p -> p.getFileName().toString()).toList());
    }
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(List.of()),
        Arguments.of(List.of("--days", "1", "--events-per-day", "10")),
        Arguments.of(List.of("--days", "0", "--events-per-day", "10", "--seed", "1")),
        Arguments.of(List.of("--days", "x", "--events-per-day", "10", "--seed", "1")),
        Arguments.of(List.of("--days", "1", "--seed", "1")),
        Arguments.of(List.of("--days", "1", "--events-per-day", "10", "--seed", "one")),
        Arguments.of(List.of("--days", "1", "--events-per-day", "10", "--seed", "1", "--bad-rate", "0.6")),
        Arguments.of(List.of("--days", "1", "--events-per-day", "10", "--seed", "1", "--bad-rate", "NaN")),
        Arguments.of(List.of("--days", "1", "--events-per-day", "10", "--seed", "1", "--shards", "11")),
        Arguments.of(List.of("--days", "1", "--events-per-day", "10", "--seed", "1", "--start-date", "20.11.2026")),
        Arguments.of(List.of("--days", "1", "--events-per-day", "10", "--seed", "1", "--colour", "red")));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void aWrongCommandLineReturnsTwoAndWritesNothing(List<String> options) throws Exception {
    Path root = tmp.resolve("usage");
    assertEquals(MrSuiteTool.EXIT_USAGE, run(root, options));
    assertFalse(Files.exists(root));
  }

  @Test
  void withoutARootItIsAUsageErrorToo() throws Exception {
    Configuration conf = new Configuration();
    assertEquals(MrSuiteTool.EXIT_USAGE, ToolRunner.run(conf, new GenDataJob(),
        new String[] {"--days", "1", "--events-per-day", "10", "--seed", "1"}));
  }

  @Test
  void eventTimesDecodeToTheInstantsTheyWereGeneratedAt() {
    Instant earliest = DAY1.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = DAY2.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (DayEvents events : EVENTS_BY_DAY.values()) {
      for (ValidLine line : events.valid()) {
        Instant time = line.event().getEventTime();
        assertTrue(!time.isBefore(earliest) && time.isBefore(end), line.text());
      }
    }
  }
}
