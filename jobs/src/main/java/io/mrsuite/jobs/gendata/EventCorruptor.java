package io.mrsuite.jobs.gendata;

import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.text.TextInputKeys;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a good event into a bad line of a given {@link BadEvent} kind, breaking one thing only.
 *
 * <p>Contract section 2 checks its rules in a fixed order, and the first rule that fails must be the one the
 * kind names. So a line with a missing field has valid values otherwise, a LATE line is valid but old, and so
 * on. The variants are the mistakes real producers make: cut-off lines, glued lines, Latin-1 text,
 * {@code undefined}, numbers sent as strings, dates in local formats.
 */
final class EventCorruptor {
  /** One byte more than ingest's default limit, plus room: over the limit whatever the rest of the line. */
  static final int TOO_LARGE_BYTES = TextInputKeys.DEFAULT_MAX_RECORD_BYTES + 1024;

  private static final byte[][] NOT_UTF8 = {
      {'C', 'a', 'f', (byte) 0xE9},               // Latin-1 text
      {(byte) 0xFF, (byte) 0xFE},                  // bytes that never occur in UTF-8
      {(byte) 0x80},                               // a continuation byte with no lead byte
      {(byte) 0xC0, (byte) 0xAF},                  // an overlong encoding of '/'
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},     // a UTF-16 surrogate encoded as UTF-8 (CESU-8)
      {(byte) 0xE2, (byte) 0x82},                  // a euro sign cut short
  };
  private static final RawField[] TEXT_FIELDS = {RawField.USER_AGENT, RawField.PAGE_URL, RawField.SEARCH_QUERY,
      RawField.ANONYMOUS_ID};
  private static final RawField[] ALWAYS_REQUIRED = {RawField.EVENT_ID, RawField.EVENT_TYPE, RawField.EVENT_TIME,
      RawField.ANONYMOUS_ID};
  private static final Set<EventType> NEED_PRODUCT =
      EnumSet.of(EventType.product_view, EventType.add_to_cart, EventType.remove_from_cart, EventType.purchase);
  private static final int MALFORMED_VARIANTS = 9;

  private final EventEncoder encoder;
  private final SplittableRandom random;
  private final long dayStart;
  private final ByteLine out = new ByteLine(1024);
  private final List<RawField> candidates = new ArrayList<>();

  EventCorruptor(EventEncoder encoder, long dayStart, SplittableRandom random) {
    this.encoder = encoder;
    this.dayStart = dayStart;
    this.random = random;
  }

  ByteLine corrupt(BadEvent kind, EventRecord event) {
    switch (kind) {
      case LATE:
        // Three to nine days before the arrival date: before D - late_days for any late_days up to 2.
        return retimed(event, dayStart - (3 + random.nextInt(7)) * TimeText.MILLIS_PER_DAY
            + random.nextLong(TimeText.MILLIS_PER_DAY));
      case FUTURE:
        return retimed(event, dayStart + TimeText.MILLIS_PER_DAY + random.nextLong(2 * TimeText.MILLIS_PER_DAY));
      case INVALID_ENCODING:
        return notUtf8(event);
      case RECORD_TOO_LARGE:
        return tooLarge(event);
      case MALFORMED_JSON:
        return malformed(event);
      case MISSING_FIELD:
        return missing(event);
      case INVALID_VALUE:
        return invalid(event);
      default:
        throw new IllegalArgumentException("no such bad kind: " + kind);
    }
  }

  private ByteLine retimed(EventRecord event, long time) {
    long original = event.timeMillis;
    event.timeMillis = time;
    out.copyFrom(encoder.encode(event));
    event.timeMillis = original;
    return out;
  }

  /** Invalid bytes right inside a text value's quotes: a character boundary, so the rest stays well-formed. */
  private ByteLine notUtf8(EventRecord event) {
    ByteLine line = encoder.encode(event);
    RawField field;
    do {
      field = TEXT_FIELDS[random.nextInt(TEXT_FIELDS.length)];
    } while (!encoder.has(field));
    boolean atEnd = random.nextBoolean();
    int at = atEnd ? encoder.valueEnd(field) - 1 : encoder.valueStart(field) + 1;
    return insert(line, at, NOT_UTF8[random.nextInt(NOT_UTF8.length)]);
  }

  /** A debug dump attached by a misbehaving client. */
  private ByteLine tooLarge(EventRecord event) {
    ByteLine line = encoder.encode(event);
    out.clear();
    out.append(line, 0, line.length() - 1).appendText(",\"debug_dump\":\"");
    for (int i = 0; i < TOO_LARGE_BYTES; i++) {
      out.append((byte) ('A' + i % 26));
    }
    return out.append('"').append('}');
  }

  private ByteLine malformed(EventRecord event) {
    ByteLine line = encoder.encode(event);
    out.clear();
    switch (random.nextInt(MALFORMED_VARIANTS)) {
      case 0:
        // Cut off mid-line (a writer that died), at a character boundary so the bytes stay UTF-8.
        int cut = line.length() / 4 + random.nextInt(line.length() / 2);
        while ((line.byteAt(cut) & 0xC0) == 0x80) {
          cut--;
        }
        return out.append(line, 0, cut);
      case 1:
        // A duplicate key: the contract rejects it, lenient parsers silently keep one of the two values.
        int idStart = encoder.keyStart(RawField.EVENT_ID);
        int idEnd = encoder.valueEnd(RawField.EVENT_ID);
        return out.append(line, 0, line.length() - 1).append(',').append(line, idStart, idEnd).append('}');
      case 2:
        return out.append(line, 0, line.length()).append('}');
      case 3:
        // Two records glued together: a lost line break.
        return out.append(line, 0, line.length()).append(line, 0, line.length());
      case 4:
        return out.appendText(" \t ");
      case 5:
        return out.append('[').append(line, 0, line.length()).append(']');
      case 6:
        // A missing colon after a key.
        int colon = encoder.valueStart(RawField.EVENT_TYPE) - 1;
        return out.append(line, 0, colon).append(' ').append(line, colon + 1, line.length());
      case 7:
        return replaceValue(line, RawField.EVENT_TYPE, "'" + event.type.name() + "'");
      default:
        return replaceValue(line, RawField.USER_AGENT, "undefined");
    }
  }

  private ByteLine missing(EventRecord event) {
    ByteLine line = encoder.encode(event);
    candidates.clear();
    candidates.addAll(List.of(ALWAYS_REQUIRED));
    EventType type = event.type;
    if (NEED_PRODUCT.contains(type)) {
      candidates.add(RawField.PRODUCT_ID);
    }
    if (type == EventType.add_to_cart || type == EventType.purchase) {
      candidates.add(RawField.PRICE);
    }
    if (encoder.has(RawField.PRICE)) {
      candidates.add(RawField.CURRENCY);
    }
    if (type == EventType.purchase) {
      candidates.add(RawField.ORDER_ID);
    }
    RawField field = candidates.get(random.nextInt(candidates.size()));
    switch (random.nextInt(3)) {
      case 0:
        return removeField(line, field);
      case 1:
        return replaceValue(line, field, "null");
      default:
        return replaceValue(line, field, "\"\"");
    }
  }

  private ByteLine invalid(EventRecord event) {
    ByteLine line = encoder.encode(event);
    switch (random.nextInt(8)) {
      case 0:
        return replaceValue(line, RawField.EVENT_TYPE, random.nextBoolean() ? "\"click\"" : "\"PageView\"");
      case 1:
        return localTime(line);
      case 2:
        return replaceValue(line, RawField.ANONYMOUS_ID, "12345");
      case 3:
        if (encoder.has(RawField.COUNTRY)) {
          return replaceValue(line, RawField.COUNTRY, random.nextBoolean() ? "\"Germany\"" : "\"de\"");
        }
        return replaceValue(line, RawField.EVENT_TYPE, "7");
      case 4:
        if (encoder.has(RawField.QUANTITY)) {
          String[] quantities = {"0", "10001", "\"2\"", "1.5"};
          return replaceValue(line, RawField.QUANTITY, quantities[random.nextInt(quantities.length)]);
        }
        return replaceValue(line, RawField.EVENT_TIME, "\"yesterday\"");
      case 5:
        if (encoder.has(RawField.PRICE)) {
          String[] prices = {"-4.99", "12.345", "\"12,50\"", "\"free\""};
          return replaceValue(line, RawField.PRICE, prices[random.nextInt(prices.length)]);
        }
        return replaceValue(line, RawField.EVENT_TIME, "1.7e12");
      case 6:
        if (encoder.has(RawField.CURRENCY)) {
          String[] currencies = {"\"eur\"", "\"EURO\"", "\"€\""};
          return replaceValue(line, RawField.CURRENCY, currencies[random.nextInt(currencies.length)]);
        }
        return replaceValue(line, RawField.ANONYMOUS_ID, "true");
      default:
        if (encoder.has(RawField.USER_ID)) {
          return replaceValue(line, RawField.USER_ID, "42");
        }
        return localTime(line);
    }
  }

  /**
   * The right time in a wrong form: ISO text with a space instead of the {@code T}, or epoch milliseconds
   * sent as a string.
   */
  private ByteLine localTime(ByteLine line) {
    int start = encoder.valueStart(RawField.EVENT_TIME);
    int end = encoder.valueEnd(RawField.EVENT_TIME);
    out.clear();
    if (line.byteAt(start) == '"') {
      return out.append(line, 0, start + 11).append(' ').append(line, start + 12, line.length());
    }
    return out.append(line, 0, start).append('"').append(line, start, end).append('"')
        .append(line, end, line.length());
  }

  private ByteLine replaceValue(ByteLine line, RawField field, String json) {
    out.clear();
    return out.append(line, 0, encoder.valueStart(field)).appendText(json)
        .append(line, encoder.valueEnd(field), line.length());
  }

  private ByteLine removeField(ByteLine line, RawField field) {
    int start = encoder.keyStart(field);
    int end = encoder.valueEnd(field);
    out.clear();
    if (line.byteAt(start - 1) == ',') {
      return out.append(line, 0, start - 1).append(line, end, line.length());
    }
    // The first field: take the comma after it instead.
    return out.append(line, 0, start).append(line, end + 1, line.length());
  }

  private ByteLine insert(ByteLine line, int at, byte[] bytes) {
    out.clear();
    return out.append(line, 0, at).append(bytes).append(line, at, line.length());
  }
}
