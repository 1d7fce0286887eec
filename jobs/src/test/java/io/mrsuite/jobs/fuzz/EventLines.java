package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Valid raw events of one arrival day, each with every optional field present, null or absent at random,
 * any JSON spelling of its values and extra members of every JSON type, together with the curated event the
 * contract makes of it.
 */
final class EventLines {
  private static final Set<EventType> NEED_PRODUCT =
      EnumSet.of(EventType.product_view, EventType.add_to_cart, EventType.remove_from_cart, EventType.purchase);
  private static final Set<EventType> NEED_PRICE = EnumSet.of(EventType.add_to_cart, EventType.purchase);
  private static final String[] PRICES = {"0", "0.99", "12", "12.5", "12.50", "1234567.05", "249.9"};
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF", "SEK", "JPY"};
  private static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "CH", "SE"};
  private static final String[][] NUMBERS = {{"-17", "-17"}, {"3.25e-2", "3.25e-2"}, {"0", "0"}, {"1E3", "1E3"}};
  private static final String[] NESTED = {"{\"k\": [1, 2, {\"z\": null}]}", "[]", "{}", "[\"a\",{\"b\":true}]",
      "{\"app\":{\"name\":\"shop-ios\",\"version\":\"7.4.0\"}}"};
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final SplittableRandom random;
  private final Keys keys;
  private final LocalDate day;
  private final JsonText json;
  private final TimeText times;
  private final FreeText text;
  private int extras;

  EventLines(SplittableRandom random, Keys keys, LocalDate day) {
    this.random = random;
    this.keys = keys;
    this.day = day;
    this.json = new JsonText(random);
    this.times = new TimeText(random);
    this.text = new FreeText(random);
  }

  EventJson next() {
    Event expected = new Event();
    expected.setAttributes(new LinkedHashMap<>());
    expected.setArrivalDate(day);
    EventJson event = new EventJson(expected, random.nextInt(4) == 0);
    String id = keys.id('E');
    event.add("event_id", JsonText.plainLiteral(id));
    expected.setEventId(id);
    EventType type = EventType.values()[random.nextInt(EventType.values().length)];
    event.add("event_type", JsonText.plainLiteral(type.name()));
    expected.setEventType(type);
    eventTime(event);
    String anonymousId = "a-" + Long.toHexString(random.nextLong() & 0xFFFFFFFFL);
    event.add("anonymous_id", JsonText.plainLiteral(anonymousId));
    expected.setAnonymousId(anonymousId);
    expected.setUserId(identifier(event, "user_id", "u-" + random.nextInt(100_000), false));
    expected.setProductId(identifier(event, "product_id", "p-" + random.nextInt(5_000), NEED_PRODUCT.contains(type)));
    expected.setQuantity(quantity(event));
    price(event, NEED_PRICE.contains(type));
    expected.setOrderId(identifier(event, "order_id", "o-" + random.nextInt(100_000), type == EventType.purchase));
    expected.setCountry(optional(event, "country", COUNTRIES[random.nextInt(COUNTRIES.length)], 0));
    expected.setPageUrl(optional(event, "page_url", "https://shop.example/p/" + random.nextInt(999) + "?q=a&b=ç", 2));
    expected.setReferrer(optional(event, "referrer", text.next(true, true), 2));
    expected.setUserAgent(optional(event, "user_agent", text.next(true, true), 3));
    expected.setIp(optional(event, "ip", "10.0." + random.nextInt(256) + "." + random.nextInt(256), 0));
    expected.setSearchQuery(optional(event, "search_query", text.next(true, true), 2));
    device(event, expected);
    int attributes = random.nextInt(4);
    for (int i = 0; i < attributes; i++) {
      extra(event);
    }
    return event;
  }

  private void eventTime(EventJson event) {
    long millis = day.toEpochDay() * MILLIS_PER_DAY + random.nextLong(MILLIS_PER_DAY);
    if (random.nextInt(4) == 0) {
      event.add("event_time", ascii(Long.toString(millis)));
      event.expected().setEventTime(Instant.ofEpochMilli(millis));
    } else {
      TimeText.Rendered time = times.iso(millis);
      event.add("event_time", JsonText.plainLiteral(time.text()));
      event.expected().setEventTime(time.instant());
    }
  }

  /** An optional id: absent, null or {@code ""} (all null), or a value; always a value when required. */
  private String identifier(EventJson event, String name, String value, boolean required) {
    int form = required ? 3 : random.nextInt(4);
    switch (form) {
      case 0:
        return null;
      case 1:
        event.add(name, ascii("null"));
        return null;
      case 2:
        event.add(name, ascii("\"\""));
        return null;
      default:
        event.add(name, json.literal(value));
        return value;
    }
  }

  /**
   * An optional text kept as sent: absent, null, or a value.
   *
   * @param emptyWeight how often, out of 10, an empty string is sent (kept as {@code ""})
   */
  private String optional(EventJson event, String name, String value, int emptyWeight) {
    int form = random.nextInt(10);
    if (form < 2) {
      return null;
    }
    if (form < 3) {
      event.add(name, ascii("null"));
      return null;
    }
    String sent = form < 3 + emptyWeight && emptyWeight > 0 ? "" : value;
    event.add(name, json.literal(sent));
    return sent;
  }

  private int quantity(EventJson event) {
    switch (random.nextInt(4)) {
      case 0:
        return 1;
      case 1:
        event.add("quantity", ascii("null"));
        return 1;
      default:
        int quantity = random.nextInt(4) == 0 ? 10_000 : 1 + random.nextInt(20);
        event.add("quantity", ascii(Integer.toString(quantity)));
        return quantity;
    }
  }

  private void price(EventJson event, boolean required) {
    if (!required && random.nextInt(4) != 0) {
      return;
    }
    String price = PRICES[random.nextInt(PRICES.length)];
    event.add("price", random.nextBoolean() ? ascii(price) : JsonText.plainLiteral(price));
    event.expected().setPrice(new BigDecimal(price).setScale(2));
    String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
    event.add("currency", JsonText.plainLiteral(currency));
    event.expected().setCurrency(currency);
  }

  /** A string device is the event's device (Event v2); any other value stays in the attributes, as before v2. */
  private void device(EventJson event, Event expected) {
    switch (random.nextInt(5)) {
      case 0, 1 -> {
        String value = text.next(true, true);
        event.add("device", json.literal(value));
        expected.setDevice(value);
      }
      case 2 -> event.addAttribute("device", ascii("null"), null);
      case 3 -> event.addAttribute("device", ascii("{\"os\":\"iOS\"}"), "{\"os\":\"iOS\"}");
      default -> {
      }
    }
  }

  private void extra(EventJson event) {
    String name = "x_" + extras++;
    switch (random.nextInt(6)) {
      case 0:
        String value = text.next(true, true);
        event.addAttribute(name, json.literal(value), value);
        break;
      case 1:
        String[] number = NUMBERS[random.nextInt(NUMBERS.length)];
        event.addAttribute(name, ascii(number[0]), number[1]);
        break;
      case 2:
        String bool = random.nextBoolean() ? "true" : "false";
        event.addAttribute(name, ascii(bool), bool);
        break;
      case 3:
        event.addAttribute(name, ascii("null"), null);
        break;
      default:
        String nested = NESTED[random.nextInt(NESTED.length)];
        event.addAttribute(name, nested.getBytes(StandardCharsets.UTF_8), nested);
        break;
    }
  }

  /** A line holding a character UTF-8 writes as several bytes, raw (not escaped), in its user agent. */
  EventJson withMultiByteCharacter() {
    EventJson event = next();
    String value = text.withMultiByteCharacter();
    event.addAttribute("x_" + extras++, ("\"" + value + "\"").getBytes(StandardCharsets.UTF_8), value);
    return event;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
