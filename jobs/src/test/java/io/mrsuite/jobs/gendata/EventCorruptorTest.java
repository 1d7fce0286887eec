package io.mrsuite.jobs.gendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.events.RawEventDecoder;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.text.LineScanner;
import io.mrsuite.formats.text.RawLine;
import io.mrsuite.formats.text.StreamBreaks;
import io.mrsuite.formats.text.TextInputKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every bad line the corruptor makes, for every client and event type, is quarantined by the project's own
 * decoder with exactly the reason its kind names; the good line of the same event is valid.
 */
class EventCorruptorTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  private static final long DAY_START = DAY.toEpochDay() * TimeText.MILLIS_PER_DAY;
  private static final int ROUNDS = 60;

  private final Catalog catalog = new Catalog(5);
  private final EventEncoder encoder = new EventEncoder(catalog);
  private final SplittableRandom random = new SplittableRandom(11);
  private final EventCorruptor corruptor = new EventCorruptor(encoder, DAY_START, random.split());
  private final Visitors visitors = new Visitors(random.split(), 1_000, 5);
  private final RawEventDecoder decoder = new RawEventDecoder(DAY, 1);

  @ParameterizedTest
  @EnumSource(BadEvent.class)
  void everyVariantGivesTheReasonItsKindNames(BadEvent kind) throws IOException {
    int rounds = kind == BadEvent.RECORD_TOO_LARGE ? 2 : ROUNDS;
    for (int round = 0; round < rounds; round++) {
      for (EventType type : EventType.values()) {
        EventRecord event = event(type, visitor(round));
        ByteLine bad = corruptor.corrupt(kind, event);
        try {
          decoder.decode(scan(bad));
          fail(kind + " decoded as valid: " + bad);
        } catch (Rejection rejection) {
          assertEquals(kind.reason(), rejection.reason(), () -> kind + " " + rejection.detail() + ": " + bad);
        }
      }
    }
  }

  @Test
  void theGoodLineOfEveryClientAndTypeIsValidAndSaysWhatHappened() throws IOException, Rejection {
    for (int round = 0; round < ROUNDS; round++) {
      for (EventType type : EventType.values()) {
        Visitor visitor = visitor(round);
        EventRecord record = event(type, visitor);
        Event event = decoder.decode(scan(encoder.encode(record)));
        assertEquals(record.eventId, event.getEventId());
        assertEquals(type, event.getEventType());
        long expectedMillis = visitor.client() == Client.SERVER ? record.timeMillis / 1000 * 1000 : record.timeMillis;
        assertEquals(expectedMillis, event.getEventTime().toEpochMilli(), () -> encoder.line().toString());
        assertEquals(visitor.anonymousId(), event.getAnonymousId());
        assertEquals(visitor.userId(), event.getUserId());
        if (record.priceMinor >= 0) {
          assertEquals(new BigDecimal(Money.format(record.priceMinor, visitor.currency())).setScale(2),
              event.getPrice());
          assertEquals(visitor.currency().name(), event.getCurrency());
        }
      }
    }
  }

  /** Visitors of every client in turn, so each client's way of writing is covered every round. */
  private Visitor visitor(int round) {
    Client wanted = Client.values()[round % Client.values().length];
    Visitor visitor;
    do {
      visitor = visitors.next();
    } while (visitor.client() != wanted);
    return visitor;
  }

  private EventRecord event(EventType type, Visitor visitor) {
    EventRecord event = new EventRecord();
    event.start("e-" + random.nextLong(), type, DAY_START + random.nextLong(TimeText.MILLIS_PER_DAY),
        random.nextInt(1000), visitor);
    event.pageUrl = Vocabulary.SHOP + "/";
    event.referrer = random.nextBoolean() ? null : Vocabulary.REFERRERS.get(0);
    int product = catalog.sample(random);
    switch (type) {
      case search:
        event.searchTerm = random.nextInt(Vocabulary.SEARCH_TERMS.size());
        break;
      case product_view:
        event.product = product;
        break;
      case checkout:
        event.cartSize = 2;
        break;
      case page_view:
        break;
      default:
        event.product = product;
        event.quantity = 1 + random.nextInt(3);
        if (type != EventType.remove_from_cart) {
          event.priceMinor = 1 + random.nextInt(100_000);
        }
        if (type == EventType.purchase) {
          event.orderId = "ORD-20261120-0000-000001";
        }
        break;
    }
    return event;
  }

  private static RawLine scan(ByteLine line) throws IOException {
    LineScanner scanner = new LineScanner(new ByteArrayInputStream(line.toByteArray()), "test",
        TextInputKeys.DEFAULT_MAX_RECORD_BYTES, StreamBreaks.NONE);
    RawLine raw = new RawLine();
    if (!scanner.next(raw)) {
      throw new IllegalStateException("no line in " + line);
    }
    return raw;
  }
}
