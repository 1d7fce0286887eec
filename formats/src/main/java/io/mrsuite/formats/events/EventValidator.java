package io.mrsuite.formats.events;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.json.JsonField;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.rules.Decimals;
import io.mrsuite.formats.rules.Codes;
import io.mrsuite.formats.rules.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a raw event (DATA-CONTRACT.md section 2), applied to a parsed JSON object. Checks run in
 * the contract's order and the first failing rule names the reason: every missing field before any
 * invalid value, then LATE, then FUTURE.
 *
 * <p>Choices where the contract is silent (docs/data-contract-notes.md): {@code ""} counts as missing
 * for required fields and as null for the optional identifiers user_id, product_id and order_id; for
 * quantity, price, currency and country an empty string is a value that breaks the rule. Free-text
 * fields are kept exactly as sent, {@code ""} included.
 */
public final class EventValidator {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int MIN_QUANTITY = 1;
  private static final int MAX_QUANTITY = 10_000;

  private static final Set<EventType> NEED_PRODUCT =
      EnumSet.of(EventType.product_view, EventType.add_to_cart, EventType.remove_from_cart, EventType.purchase);
  private static final Set<EventType> NEED_PRICE = EnumSet.of(EventType.add_to_cart, EventType.purchase);
  private static final Set<EventType> NEED_ORDER = EnumSet.of(EventType.purchase);

  private final LocalDate arrivalDate;
  private final long arrivalDay;
  private final int lateDays;

  /**
   * @param arrivalDate D, the date of the raw partition being ingested
   * @param lateDays events dated before D - lateDays are LATE
   */
  public EventValidator(LocalDate arrivalDate, int lateDays) {
    if (lateDays < 0) {
      throw new IllegalArgumentException("late days must be >= 0: " + lateDays);
    }
    this.arrivalDate = arrivalDate;
    this.arrivalDay = arrivalDate.toEpochDay();
    this.lateDays = lateDays;
  }

  /**
   * @param fields the line's top-level fields in source order
   * @return the curated event, without its source position (the caller knows it)
   */
  public Event validate(Map<String, JsonField> fields) throws Rejection {
    checkRequired(fields);
    Event event = new Event();
    event.setEventId(requiredString(fields, EventField.EVENT_ID));
    event.setEventType(eventType(fields.get(EventField.EVENT_TYPE)));
    event.setEventTime(Instant.ofEpochMilli(eventTime(fields.get(EventField.EVENT_TIME))));
    event.setAnonymousId(requiredString(fields, EventField.ANONYMOUS_ID));
    event.setUserId(identifier(fields, EventField.USER_ID));
    event.setProductId(identifier(fields, EventField.PRODUCT_ID));
    event.setQuantity(quantity(fields.get(EventField.QUANTITY)));
    event.setPrice(price(fields.get(EventField.PRICE)));
    event.setCurrency(code(fields, EventField.CURRENCY, true));
    event.setOrderId(identifier(fields, EventField.ORDER_ID));
    event.setCountry(code(fields, EventField.COUNTRY, false));
    event.setPageUrl(freeText(fields, EventField.PAGE_URL));
    event.setReferrer(freeText(fields, EventField.REFERRER));
    event.setUserAgent(freeText(fields, EventField.USER_AGENT));
    event.setIp(freeText(fields, EventField.IP));
    event.setSearchQuery(freeText(fields, EventField.SEARCH_QUERY));
    event.setDevice(device(fields));
    event.setAttributes(attributes(fields));
    checkWindow(event.getEventTime().toEpochMilli());
    event.setArrivalDate(arrivalDate);
    return event;
  }

  private static void checkRequired(Map<String, JsonField> fields) throws Rejection {
    for (String name : EventField.ALWAYS_REQUIRED) {
      requirePresent(fields, name, "");
    }
    EventType type = knownType(fields.get(EventField.EVENT_TYPE));
    if (type != null) {
      if (NEED_PRODUCT.contains(type)) {
        requirePresent(fields, EventField.PRODUCT_ID, type);
      }
      if (NEED_PRICE.contains(type)) {
        requirePresent(fields, EventField.PRICE, type);
      }
      if (NEED_ORDER.contains(type)) {
        requirePresent(fields, EventField.ORDER_ID, type);
      }
    }
    JsonField price = fields.get(EventField.PRICE);
    if (price != null && !price.isNull()) {
      requirePresent(fields, EventField.CURRENCY, " (required when price is present)");
    }
  }

  // The reason is built only for a field that is missing: this runs for every line.
  private static void requirePresent(Map<String, JsonField> fields, String name, EventType requiredFor)
      throws Rejection {
    JsonField field = fields.get(name);
    if (field == null || field.isNull() || field.isString() && field.text().isEmpty()) {
      requirePresent(fields, name, " (required for " + requiredFor + ")");
    }
  }

  private static void requirePresent(Map<String, JsonField> fields, String name, String because)
      throws Rejection {
    JsonField field = fields.get(name);
    if (field == null) {
      throw new Rejection(QuarantineReason.MISSING_FIELD, name + " is absent" + because);
    }
    if (field.isNull()) {
      throw new Rejection(QuarantineReason.MISSING_FIELD, name + " is null" + because);
    }
    if (field.isString() && field.text().isEmpty()) {
      throw new Rejection(QuarantineReason.MISSING_FIELD, name + " is empty" + because);
    }
  }

  private static EventType knownType(JsonField field) {
    if (field == null || !field.isString()) {
      return null;
    }
    try {
      return EventType.valueOf(field.text());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  private static EventType eventType(JsonField field) throws Rejection {
    EventType type = knownType(field);
    if (type == null) {
      if (!field.isString()) {
        throw wrongType(EventField.EVENT_TYPE, field, "a string");
      }
      throw invalid(EventField.EVENT_TYPE + " " + quote(field.text()) + " is not one of page_view, product_view,"
          + " search, add_to_cart, remove_from_cart, checkout, purchase");
    }
    return type;
  }

  private static long eventTime(JsonField field) throws Rejection {
    if (field.isInteger()) {
      try {
        return Long.parseLong(field.text());
      } catch (NumberFormatException e) {
        throw invalid(EventField.EVENT_TIME + " " + field.text() + " is out of range for epoch milliseconds");
      }
    }
    if (!field.isString()) {
      throw wrongType(EventField.EVENT_TIME, field, "an ISO-8601 string or an integer of epoch milliseconds");
    }
    try {
      return Timestamps.parseIsoMillis(field.text());
    } catch (IllegalArgumentException e) {
      throw invalid(EventField.EVENT_TIME + " " + quote(field.text()) + ": " + e.getMessage());
    }
  }

  private static String requiredString(Map<String, JsonField> fields, String name) throws Rejection {
    JsonField field = fields.get(name);
    if (!field.isString()) {
      throw wrongType(name, field, "a string");
    }
    return field.text();
  }

  /** Optional identifiers: null, absent and "" all mean "none". */
  private static String identifier(Map<String, JsonField> fields, String name) throws Rejection {
    String text = freeText(fields, name);
    return text == null || text.isEmpty() ? null : text;
  }

  private static String freeText(Map<String, JsonField> fields, String name) throws Rejection {
    JsonField field = fields.get(name);
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isString()) {
      throw wrongType(name, field, "a string or null");
    }
    return field.text();
  }

  private static int quantity(JsonField field) throws Rejection {
    if (field == null || field.isNull()) {
      return 1;
    }
    if (!field.isInteger()) {
      throw wrongType(EventField.QUANTITY, field, "a JSON integer");
    }
    long value;
    try {
      value = Long.parseLong(field.text());
    } catch (NumberFormatException e) {
      value = Long.MAX_VALUE;
    }
    if (value < MIN_QUANTITY || value > MAX_QUANTITY) {
      throw invalid(EventField.QUANTITY + " " + field.text() + " is outside " + MIN_QUANTITY + ".." + MAX_QUANTITY);
    }
    return (int) value;
  }

  private static BigDecimal price(JsonField field) throws Rejection {
    if (field == null || field.isNull()) {
      return null;
    }
    try {
      if (field.isNumber()) {
        return Decimals.MONEY.parseJsonNumber(field.text());
      }
      if (field.isString()) {
        return Decimals.MONEY.parsePlain(field.text());
      }
    } catch (IllegalArgumentException e) {
      throw invalid(EventField.PRICE + " " + (field.isString() ? quote(field.text()) : field.text()) + ": "
          + e.getMessage());
    }
    throw wrongType(EventField.PRICE, field, "a decimal number or decimal string");
  }

  private static String code(Map<String, JsonField> fields, String name, boolean currency) throws Rejection {
    JsonField field = fields.get(name);
    if (field == null || field.isNull()) {
      return null;
    }
    if (!field.isString()) {
      throw wrongType(name, field, "a string");
    }
    String text = field.text();
    if (currency ? !Codes.isCurrency(text) : !Codes.isCountry(text)) {
      throw invalid(name + " " + quote(text) + " is not " + (currency ? "3" : "2") + " upper-case letters");
    }
    return text;
  }

  /**
   * The device field is optional and untyped in the raw events sent before Event v2 named it, so a value other
   * than a string is not refused: it stays in attributes as it did, and device is null.
   */
  private static String device(Map<String, JsonField> fields) {
    JsonField field = fields.get(EventField.DEVICE);
    return field != null && field.isString() ? field.text() : null;
  }

  private static boolean isStringDevice(String name, JsonField value) {
    return name.equals(EventField.DEVICE) && value.isString();
  }

  private static Map<String, String> attributes(Map<String, JsonField> fields) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonField> entry : fields.entrySet()) {
      if (!EventField.NAMED.contains(entry.getKey()) && !isStringDevice(entry.getKey(), entry.getValue())) {
        attributes.put(entry.getKey(), entry.getValue().text());
      }
    }
    return attributes;
  }

  private void checkWindow(long eventMillis) throws Rejection {
    long eventDay = Math.floorDiv(eventMillis, MILLIS_PER_DAY);
    if (eventDay < arrivalDay - lateDays) {
      throw new Rejection(QuarantineReason.LATE, "event date " + LocalDate.ofEpochDay(eventDay)
          + " is more than " + lateDays + " day(s) before arrival date " + arrivalDate);
    }
    if (eventDay > arrivalDay) {
      throw new Rejection(QuarantineReason.FUTURE, "event date " + LocalDate.ofEpochDay(eventDay)
          + " is after arrival date " + arrivalDate);
    }
  }

  private static Rejection wrongType(String name, JsonField field, String expected) {
    return invalid(name + " is a JSON " + field.typeName() + ", expected " + expected);
  }

  private static Rejection invalid(String detail) {
    return new Rejection(QuarantineReason.INVALID_VALUE, detail);
  }

  private static String quote(String text) {
    return text.length() > 80 ? '"' + text.substring(0, 80) + "...\"" : '"' + text + '"';
  }
}
