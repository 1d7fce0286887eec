package io.mrsuite.jobs.gendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written formatting and planting against their plain definitions. */
class GenDataPartsTest {
  private final SplittableRandom random = new SplittableRandom(3);

  @Test
  void isoTimesMatchJavaTime() {
    DateTimeFormatter millis = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    for (int i = 0; i < 20_000; i++) {
      long time = random.nextLong(-86_400_000L * 365, 4_102_444_800_000L);
      int offset = (random.nextInt(2 * 14 * 4 + 1) - 14 * 4) * 15;
      String text = TimeText.appendIso(new ByteLine(), time, offset, TimeText.offsetText(offset, true), 3, 0)
          .toString();
      String expected = OffsetDateTime.ofInstant(Instant.ofEpochMilli(time), ZoneOffset.ofTotalSeconds(offset * 60))
          .format(millis);
      assertEquals(expected, text);
    }
    assertEquals("2026-11-20T23:30:00.123456+05:30", TimeText.appendIso(new ByteLine(),
        Instant.parse("2026-11-20T18:00:00.123Z").toEpochMilli(), 330, TimeText.offsetText(330, false), 6, 456)
        .toString());
    assertEquals("+00:00", new String(TimeText.offsetText(0, false)));
  }

  @Test
  void amountsAndRatesAreWrittenAsTheContractWants() {
    assertEquals("12.50", Money.format(1250, CurrencyCode.EUR));
    assertEquals("0.05", Money.format(5, CurrencyCode.USD));
    assertEquals("1200", Money.format(1200, CurrencyCode.JPY));
    assertEquals("12.5", Money.appendShortest(new ByteLine(), 1250, CurrencyCode.EUR).toString());
    assertEquals("12", Money.appendShortest(new ByteLine(), 1200, CurrencyCode.EUR).toString());
    assertEquals("12.05", Money.appendShortest(new ByteLine(), 1205, CurrencyCode.EUR).toString());
    assertEquals("1", FxRates.format(100_000_000L));
    assertEquals("1.08442324", FxRates.format(108_442_324L));
    assertEquals("0.0067", FxRates.format(670_000L));
    assertEquals(24, Money.percentOf(125, 1900), "half up");
  }

  @Test
  void badSlotsPlantTheExactCountWithKindsInTurn() {
    List<String> kinds = List.of("a", "b", "c");
    for (int slots : new int[] {1, 2, 5, 99, 1_000, 12_345}) {
      for (double rate : new double[] {0, 0.001, 0.01, 0.1, 0.5}) {
        BadSlots<String> plan = new BadSlots<>(slots, rate, kinds, null, random.split());
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < slots; i++) {
          String kind = plan.next();
          if (kind != null) {
            found.merge(kind, 1, Integer::sum);
          }
        }
        long expected = rate == 0 ? 0 : Math.min(slots, Math.max(kinds.size(), Math.round(slots * rate)));
        assertEquals(expected, plan.planned());
        assertEquals(expected, found.values().stream().mapToInt(Integer::intValue).sum(), slots + " x " + rate);
        for (int count : found.values()) {
          assertTrue(Math.abs(count - expected / 3.0) < 1, found + " for " + expected);
        }
        assertNull(plan.next(), "nothing past the last slot");
      }
    }
  }

  @Test
  void theOnceKindComesFirstAndTheRotationStillCoversEveryKind() {
    Map<BadEvent, Integer> found = new EnumMap<>(BadEvent.class);
    BadSlots<BadEvent> plan = new BadSlots<>(10, 0.01, BadEvent.ROTATION, BadEvent.RECORD_TOO_LARGE, random);
    BadEvent first = null;
    for (int i = 0; i < 10; i++) {
      BadEvent kind = plan.next();
      if (kind != null) {
        first = first == null ? kind : first;
        found.merge(kind, 1, Integer::sum);
      }
    }
    assertEquals(BadEvent.RECORD_TOO_LARGE, first);
    assertEquals(BadEvent.values().length, found.size());
  }

  @Test
  void csvFieldsAreQuotedOnlyWhereNeededOrEverywhere() {
    String[] fields = {"P1", "Acme 15.6\" Sleeve, Black", "", "line 1\nline 2"};
    assertEquals("P1,\"Acme 15.6\"\" Sleeve, Black\",,\"line 1\nline 2\"\n",
        CsvStyle.MINIMAL.record(new ByteLine(), fields).toString());
    String quoted = CsvStyle.QUOTE_ALL_CRLF.record(new ByteLine(), fields).toString();
    assertEquals("\"P1\",\"Acme 15.6\"\" Sleeve, Black\",\"\",\"line 1\nline 2\"\r\n", quoted);
    assertEquals(List.of(fields), CsvReader.read(quoted).get(0).fields());
  }

  @Test
  void eventIdsAreUuidShapedAndDistinct() {
    EventIds ids = new EventIds(42);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = ids.next();
      assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
      assertTrue(seen.add(id), id);
    }
  }
}
