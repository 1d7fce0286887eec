package io.mrsuite.formats.events;

import static io.mrsuite.formats.events.EventLines.of;
import static io.mrsuite.formats.events.EventLines.pageView;
import static io.mrsuite.formats.events.EventLines.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.json.JsonObjectParser;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static final String TYPES =
      "page_view, product_view, search, add_to_cart, remove_from_cart, checkout, purchase";

  private final JsonObjectParser parser = new JsonObjectParser();
  private final EventValidator validator = new EventValidator(D, 1);

  private Event valid(EventLines line) throws Rejection {
    return validator.validate(parser.parse(line.json()));
  }

  private Rejection rejected(EventValidator with, EventLines line) {
    return assertThrows(Rejection.class, () -> with.validate(parser.parse(line.json())), line::json);
  }

  private void assertRejected(QuarantineReason reason, String detail, EventLines line) {
    assertRejected(validator, reason, detail, line);
  }

  private void assertRejected(EventValidator with, QuarantineReason reason, String detail, EventLines line) {
    Rejection rejection = rejected(with, line);
    assertEquals(reason + ": " + detail, rejection.reason() + ": " + rejection.detail(), line::json);
  }

  private void missing(String detail, EventLines line) {
    assertRejected(QuarantineReason.MISSING_FIELD, detail, line);
  }

  private void invalid(String detail, EventLines line) {
    assertRejected(QuarantineReason.INVALID_VALUE, detail, line);
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  // ---- a whole valid event ---------------------------------------------------------------------------

  @Test
  void fullValidPurchaseGivesTheExactCuratedEvent() throws Rejection {
    String line = "{\"event_id\":\"evt-001\",\"event_type\":\"purchase\","
        + "\"event_time\":\"2026-11-20T13:05:07.123456+01:00\",\"anonymous_id\":\"anon-9\",\"user_id\":\"u-7\","
        + "\"campaign\":\"black-friday\",\"product_id\":\"p-42\",\"quantity\":3,\"price\":\"19.9\",\"currency\":\"EUR\","
        + "\"order_id\":\"o-1001\",\"country\":\"DE\",\"page_url\":\"https://shop.example/p/42?x=1&y=é\","
        + "\"referrer\":\"\",\"user_agent\":\"Mozilla/5.0 (X11)\",\"ip\":\"203.0.113.9\",\"search_query\":null,"
        + "\"ab\":{\"variant\":\"B\", \"n\":[1,2]},\"score\":0.50,\"flag\":false,\"gone\":null}";
    Event event = validator.validate(parser.parse(line));

    assertEquals("evt-001", event.getEventId());
    assertEquals(EventType.purchase, event.getEventType());
    assertEquals(Instant.parse("2026-11-20T12:05:07.123Z"), event.getEventTime());
    assertEquals("anon-9", event.getAnonymousId());
    assertEquals("u-7", event.getUserId());
    assertEquals("p-42", event.getProductId());
    assertEquals(3, event.getQuantity());
    assertEquals(new BigDecimal("19.90"), event.getPrice());
    assertEquals("EUR", event.getCurrency());
    assertEquals("o-1001", event.getOrderId());
    assertEquals("DE", event.getCountry());
    assertEquals("https://shop.example/p/42?x=1&y=é", event.getPageUrl());
    assertEquals("", event.getReferrer());
    assertEquals("Mozilla/5.0 (X11)", event.getUserAgent());
    assertEquals("203.0.113.9", event.getIp());
    assertNull(event.getSearchQuery());
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("campaign", "black-friday");
    attributes.put("ab", "{\"variant\":\"B\", \"n\":[1,2]}");
    attributes.put("score", "0.50");
    attributes.put("flag", "false");
    attributes.put("gone", null);
    assertEquals(attributes, event.getAttributes());
    assertEquals(List.copyOf(attributes.keySet()), List.copyOf(event.getAttributes().keySet()));
    assertEquals(D, event.getArrivalDate());
    // The source position is the caller's (RawEventDecoder) to set.
    assertNull(event.getSourceFile());
    assertEquals(0, event.getSourceOffset());
    assertEquals(0, event.getSourceLine());
  }

  @Test
  void minimalPageViewHasDefaultsForEverythingOptional() throws Rejection {
    Event event = valid(pageView());
    assertEquals("e-1", event.getEventId());
    assertEquals(EventType.page_view, event.getEventType());
    assertEquals(Instant.parse("2026-11-20T12:05:07.123Z"), event.getEventTime());
    assertEquals("anon-1", event.getAnonymousId());
    assertNull(event.getUserId());
    assertNull(event.getProductId());
    assertEquals(1, event.getQuantity());
    assertNull(event.getPrice());
    assertNull(event.getCurrency());
    assertNull(event.getOrderId());
    assertNull(event.getCountry());
    assertNull(event.getPageUrl());
    assertNull(event.getReferrer());
    assertNull(event.getUserAgent());
    assertNull(event.getIp());
    assertNull(event.getSearchQuery());
    assertNull(event.getDevice());
    assertEquals(Map.of(), event.getAttributes());
    assertEquals(D, event.getArrivalDate());
  }

  // ---- device (Event v2) -----------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(value = {"mobile-app", "''", "' tablet '"})
  void aStringDeviceIsTheEventsDeviceAsSentAndNotAnAttribute(String device) throws Rejection {
    Event event = valid(pageView().str("device", device).str("campaign", "c"));
    assertEquals(device, event.getDevice());
    assertEquals(Map.of("campaign", "c"), event.getAttributes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "3", "true", "{\"type\":\"phone\",\"os\":\"iOS\"}", "[\"a\"]"})
  void aDeviceThatIsNotAStringStaysInTheAttributesAsBeforeV2(String json) throws Rejection {
    Event event = valid(pageView().raw("device", json));
    assertNull(event.getDevice());
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("device", json.equals("null") ? null : json);
    assertEquals(attributes, event.getAttributes());
  }

  @ParameterizedTest
  @CsvSource({"page_view", "search", "checkout"})
  void typesWithoutConditionalFieldsNeedOnlyTheFourRequiredOnes(String type) throws Rejection {
    assertEquals(EventType.valueOf(type), valid(of(type)).getEventType());
  }

  @Test
  void eachTypeWithItsRequiredFieldsIsValid() throws Rejection {
    assertEquals("p", valid(of("product_view").str("product_id", "p")).getProductId());
    assertEquals("p", valid(of("remove_from_cart").str("product_id", "p")).getProductId());
    Event cart = valid(of("add_to_cart").str("product_id", "p").raw("price", "0").str("currency", "USD"));
    assertEquals(new BigDecimal("0.00"), cart.getPrice());
    assertEquals("o-1", valid(purchase()).getOrderId());
  }

  // ---- MISSING_FIELD ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"event_id", "event_type", "event_time", "anonymous_id"})
  void alwaysRequiredFieldAbsentNullOrEmptyIsMissing(String name) {
    missing(name + " is absent", pageView().without(name));
    missing(name + " is null", pageView().nul(name));
    missing(name + " is empty", pageView().str(name, ""));
  }

  @Test
  void alwaysRequiredFieldsAreCheckedInContractOrder() {
    missing("event_id is absent", EventLines.empty());
    missing("event_type is absent", pageView().without("event_type").without("event_time").without("anonymous_id"));
    missing("event_time is absent", pageView().without("event_time").without("anonymous_id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"product_view", "add_to_cart", "remove_from_cart", "purchase"})
  void productIdIsRequiredForProductTypes(String type) {
    EventLines line = of(type).raw("price", "1").str("currency", "EUR").str("order_id", "o");
    missing("product_id is absent (required for " + type + ")", line);
    missing("product_id is null (required for " + type + ")", line.nul("product_id"));
    missing("product_id is empty (required for " + type + ")", line.str("product_id", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"add_to_cart", "purchase"})
  void priceIsRequiredForAddToCartAndPurchase(String type) {
    EventLines line = of(type).str("product_id", "p").str("currency", "EUR").str("order_id", "o");
    missing("price is absent (required for " + type + ")", line);
    missing("price is null (required for " + type + ")", line.nul("price"));
    missing("price is empty (required for " + type + ")", line.str("price", ""));
  }

  @Test
  void orderIdIsRequiredForPurchase() {
    missing("order_id is absent (required for purchase)", purchase().without("order_id"));
    missing("order_id is null (required for purchase)", purchase().nul("order_id"));
    missing("order_id is empty (required for purchase)", purchase().str("order_id", ""));
  }

  @Test
  void currencyIsRequiredWheneverPriceIsNonNull() {
    missing("currency is absent (required when price is present)", pageView().raw("price", "1"));
    missing("currency is null (required when price is present)", pageView().raw("price", "1").nul("currency"));
    missing("currency is empty (required when price is present)", pageView().raw("price", "1").str("currency", ""));
    missing("currency is absent (required when price is present)", purchase().without("currency"));
  }

  @Test
  void currencyIsMissingEvenWhenThePriceItselfIsInvalid() {
    missing("currency is absent (required when price is present)", pageView().str("price", "abc"));
    missing("currency is absent (required when price is present)", pageView().raw("price", "-5"));
    missing("currency is absent (required when price is present)", pageView().raw("price", "true"));
    missing("currency is absent (required when price is present)", pageView().str("price", ""));
  }

  @Test
  void nullPriceNeedsNoCurrency() throws Rejection {
    Event event = valid(pageView().nul("price"));
    assertNull(event.getPrice());
    assertNull(event.getCurrency());
  }

  @Test
  void missingFieldsAreReportedInOrderTypeFieldsBeforeCurrency() {
    missing("product_id is absent (required for purchase)", purchase().without("product_id").without("order_id"));
    missing("price is absent (required for purchase)", purchase().without("price").without("order_id"));
    missing("order_id is absent (required for purchase)", purchase().without("order_id").without("currency"));
  }

  // ---- precedence ------------------------------------------------------------------------------------

  @Test
  void everyMissingFieldBeatsAnyInvalidValue() {
    missing("anonymous_id is absent", pageView().str("event_type", "bogus").without("anonymous_id"));
    missing("anonymous_id is absent", pageView().str("event_time", "yesterday").without("anonymous_id"));
    missing("event_time is absent", pageView().raw("event_id", "5").without("event_time"));
    missing("order_id is absent (required for purchase)", purchase().raw("quantity", "0").without("order_id"));
    missing("currency is absent (required when price is present)",
        pageView().str("country", "germany").raw("price", "1"));
  }

  @Test
  void unknownTypeHasNoConditionalRequirements() {
    invalid("event_type \"refund\" is not one of " + TYPES, of("refund"));
    invalid("event_type \"Purchase\" is not one of " + TYPES, of("Purchase"));
    invalid("event_type \" purchase\" is not one of " + TYPES, of(" purchase"));
    invalid("event_type is a JSON number, expected a string", pageView().raw("event_type", "7"));
    invalid("event_type is a JSON array, expected a string", pageView().raw("event_type", "[\"purchase\"]"));
    // The currency rule does not depend on the type.
    missing("currency is absent (required when price is present)", of("refund").raw("price", "1"));
  }

  @Test
  void longUnknownTypeIsQuotedCut() {
    String type = "x".repeat(100);
    invalid("event_type \"" + "x".repeat(80) + "...\" is not one of " + TYPES, of(type));
  }

  @Test
  void invalidValuesAreReportedInFieldOrder() {
    EventLines line = pageView().raw("event_id", "1").raw("event_type", "2").raw("event_time", "true")
        .raw("anonymous_id", "{}").raw("user_id", "5").raw("product_id", "[]").raw("quantity", "0")
        .raw("price", "-1").raw("currency", "\"eur\"").raw("order_id", "6").raw("country", "\"d\"")
        .raw("page_url", "1").raw("referrer", "2").raw("user_agent", "3").raw("ip", "4").raw("search_query", "5");
    List<String> details = new ArrayList<>();
    String[][] fixes = {{"event_id", "\"e\""}, {"event_type", "\"page_view\""},
        {"event_time", "\"2026-11-20T00:00:00Z\""}, {"anonymous_id", "\"a\""}, {"user_id", "null"},
        {"product_id", "null"}, {"quantity", "1"}, {"price", "1"}, {"currency", "\"EUR\""}, {"order_id", "null"},
        {"country", "null"}, {"page_url", "null"}, {"referrer", "null"}, {"user_agent", "null"}, {"ip", "null"},
        {"search_query", "null"}};
    for (String[] fix : fixes) {
      Rejection rejection = rejected(validator, line);
      assertEquals(QuarantineReason.INVALID_VALUE, rejection.reason());
      details.add(rejection.detail());
      line.raw(fix[0], fix[1]);
    }
    assertEquals(List.of(
        "event_id is a JSON number, expected a string",
        "event_type is a JSON number, expected a string",
        "event_time is a JSON boolean, expected an ISO-8601 string or an integer of epoch milliseconds",
        "anonymous_id is a JSON object, expected a string",
        "user_id is a JSON number, expected a string or null",
        "product_id is a JSON array, expected a string or null",
        "quantity 0 is outside 1..10000",
        "price -1: negative",
        "currency \"eur\" is not 3 upper-case letters",
        "order_id is a JSON number, expected a string or null",
        "country \"d\" is not 2 upper-case letters",
        "page_url is a JSON number, expected a string or null",
        "referrer is a JSON number, expected a string or null",
        "user_agent is a JSON number, expected a string or null",
        "ip is a JSON number, expected a string or null",
        "search_query is a JSON number, expected a string or null"), details);
  }

  @Test
  void invalidValueBeatsLateAndFuture() {
    invalid("quantity 0 is outside 1..10000", pageView().str("event_time", "2020-01-01T00:00:00Z").raw("quantity", "0"));
    invalid("quantity 0 is outside 1..10000", pageView().str("event_time", "2030-01-01T00:00:00Z").raw("quantity", "0"));
  }

  // ---- INVALID_VALUE, field by field -----------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "event_id|5|number", "event_id|true|boolean", "event_id|{}|object", "event_id|[\"e\"]|array",
      "anonymous_id|1.5|number", "anonymous_id|false|boolean"})
  void requiredIdentifiersMustBeStrings(String name, String json, String type) {
    invalid(name + " is a JSON " + type + ", expected a string", pageView().raw(name, json));
  }

  @Test
  void requiredIdentifiersAreKeptAsSentWhitespaceIncluded() throws Rejection {
    Event event = valid(pageView().str("event_id", " e ").str("anonymous_id", "\t"));
    assertEquals(" e ", event.getEventId());
    assertEquals("\t", event.getAnonymousId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"user_id", "product_id", "order_id"})
  void optionalIdentifierEmptyOrNullOrAbsentIsNull(String name) throws Rejection {
    assertNull(get(valid(pageView().str(name, "")), name));
    assertNull(get(valid(pageView().nul(name)), name));
    assertNull(get(valid(pageView()), name));
    assertEquals("x", get(valid(pageView().str(name, "x")), name));
    assertEquals(" ", get(valid(pageView().str(name, " ")), name));
    invalid(name + " is a JSON boolean, expected a string or null", pageView().raw(name, "true"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"page_url", "referrer", "user_agent", "ip", "search_query"})
  void freeTextIsKeptAsGivenIncludingEmpty(String name) throws Rejection {
    assertEquals("", get(valid(pageView().str(name, "")), name));
    assertEquals(" a\tb\n\u2028😀 ", get(valid(pageView().str(name, " a\tb\n\u2028😀 ")), name));
    assertNull(get(valid(pageView().nul(name)), name));
    assertNull(get(valid(pageView()), name));
    invalid(name + " is a JSON number, expected a string or null", pageView().raw(name, "1"));
    invalid(name + " is a JSON object, expected a string or null", pageView().raw(name, "{\"u\":1}"));
  }

  private static String get(Event event, String name) {
    return switch (name) {
      case "user_id" -> event.getUserId();
      case "product_id" -> event.getProductId();
      case "order_id" -> event.getOrderId();
      case "page_url" -> event.getPageUrl();
      case "referrer" -> event.getReferrer();
      case "user_agent" -> event.getUserAgent();
      case "ip" -> event.getIp();
      case "search_query" -> event.getSearchQuery();
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Test
  void quantityDefaultsToOneWhenAbsentOrNull() throws Rejection {
    assertEquals(1, valid(pageView()).getQuantity());
    assertEquals(1, valid(pageView().nul("quantity")).getQuantity());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 9999, 10000})
  void quantityInRangeIsKept(int quantity) throws Rejection {
    assertEquals(quantity, valid(pageView().raw("quantity", String.valueOf(quantity))).getQuantity());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "10001", "-0", "2147483648", "99999999999999999999"})
  void quantityOutOfRangeIsInvalid(String quantity) {
    invalid("quantity " + quantity + " is outside 1..10000", pageView().raw("quantity", quantity));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1.0|number", "1e2|number", "\"2\"|string", "\"\"|string", "true|boolean",
      "[1]|array"})
  void quantityMustBeAJsonInteger(String json, String type) {
    invalid("quantity is a JSON " + type + ", expected a JSON integer", pageView().raw("quantity", json));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "12|12.00", "12.5|12.50", "12.50|12.50", "0|0.00", "0.05|0.05", "-0|0.00", "1.5e1|15.00", "1E2|100.00",
      "1.234e2|123.40", "0.001e1|0.01", "9999999999999999.99|9999999999999999.99", "\"12\"|12.00",
      "\"12.5\"|12.50", "\"12.50\"|12.50", "\"0\"|0.00", "\"007\"|7.00", "\"9999999999999999.99\"|9999999999999999.99"})
  void priceIsNormalisedToScaleTwo(String json, String expected) throws Rejection {
    BigDecimal price = valid(pageView().raw("price", json).str("currency", "EUR")).getPrice();
    assertEquals(new BigDecimal(expected), price);
    assertEquals(2, price.scale());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "12.500|price 12.500: more than 2 fraction digits",
      "\"12.500\"|price \"12.500\": more than 2 fraction digits",
      "1e-3|price 1e-3: more than 2 fraction digits",
      "0e-5|price 0e-5: more than 2 fraction digits",
      "-1|price -1: negative",
      "-0.01|price -0.01: negative",
      "1e16|price 1e16: more than 16 integer digits",
      "12345678901234567|price 12345678901234567: more than 16 integer digits",
      "\"12345678901234567\"|price \"12345678901234567\": more than 16 integer digits",
      "1e999999999|price 1e999999999: more than 16 integer digits",
      "\"-1\"|price \"-1\": not a plain decimal like 12, 12.5 or 12.50",
      "\"+1\"|price \"+1\": not a plain decimal like 12, 12.5 or 12.50",
      "\"1e2\"|price \"1e2\": not a plain decimal like 12, 12.5 or 12.50",
      "\"12.\"|price \"12.\": not a plain decimal like 12, 12.5 or 12.50",
      "\".5\"|price \".5\": not a plain decimal like 12, 12.5 or 12.50",
      "\" 12\"|price \" 12\": not a plain decimal like 12, 12.5 or 12.50",
      "\"12,50\"|price \"12,50\": not a plain decimal like 12, 12.5 or 12.50",
      "\"abc\"|price \"abc\": not a plain decimal like 12, 12.5 or 12.50",
      "\"\"|price \"\": not a plain decimal like 12, 12.5 or 12.50",
      "true|price is a JSON boolean, expected a decimal number or decimal string",
      "{}|price is a JSON object, expected a decimal number or decimal string",
      "[12]|price is a JSON array, expected a decimal number or decimal string"})
  void priceOutsideItsRuleIsInvalid(String json, String detail) {
    invalid(detail, pageView().raw("price", json).str("currency", "EUR"));
  }

  @Test
  void priceWithAnExponentTooLargeForBigDecimalIsInvalidNotAnError() {
    Rejection rejection = rejected(validator, pageView().raw("price", "1e2147483648").str("currency", "EUR"));
    assertEquals(QuarantineReason.INVALID_VALUE, rejection.reason());
    assertEquals(true, rejection.detail().startsWith("price 1e2147483648: "), rejection.detail());
  }

  @Test
  void longPriceStringIsQuotedCut() {
    String text = "9".repeat(100);
    invalid("price \"" + "9".repeat(80) + "...\": more than 16 integer digits",
        pageView().str("price", text).str("currency", "EUR"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"usd", "US", "USDX", "U$D", "ÜSD", "US1", " USD"})
  void currencyMustBeThreeUpperCaseLetters(String currency) {
    invalid("currency \"" + currency + "\" is not 3 upper-case letters",
        pageView().raw("price", "1").str("currency", currency));
  }

  @Test
  void currencyWithoutPriceIsStillChecked() throws Rejection {
    invalid("currency \"\" is not 3 upper-case letters", pageView().str("currency", ""));
    invalid("currency \"eur\" is not 3 upper-case letters", pageView().str("currency", "eur"));
    invalid("currency is a JSON number, expected a string", pageView().raw("currency", "978"));
    Event event = valid(pageView().str("currency", "EUR"));
    assertEquals("EUR", event.getCurrency());
    assertNull(event.getPrice());
  }

  @Test
  void countryIsTwoUpperCaseLettersOrNull() throws Rejection {
    assertEquals("DE", valid(pageView().str("country", "DE")).getCountry());
    assertNull(valid(pageView().nul("country")).getCountry());
    invalid("country \"\" is not 2 upper-case letters", pageView().str("country", ""));
    invalid("country \"de\" is not 2 upper-case letters", pageView().str("country", "de"));
    invalid("country \"DEU\" is not 2 upper-case letters", pageView().str("country", "DEU"));
    invalid("country \"D\" is not 2 upper-case letters", pageView().str("country", "D"));
    invalid("country is a JSON number, expected a string", pageView().raw("country", "49"));
  }

  // ---- event_time ------------------------------------------------------------------------------------

  @Test
  void isoEventTimeIsNormalisedToUtcMillisWithTheFractionCut() throws Rejection {
    assertEquals(Instant.parse("2026-11-20T12:05:07.123Z"),
        valid(pageView().str("event_time", "2026-11-20T13:05:07.123999999+01:00")).getEventTime());
    assertEquals(Instant.parse("2026-11-20T13:05:07Z"),
        valid(pageView().str("event_time", "2026-11-20T13:05:07Z")).getEventTime());
    assertEquals(Instant.parse("2026-11-20T23:35:07.100Z"),
        valid(pageView().str("event_time", "2026-11-20T13:05:07.1-10:30")).getEventTime());
  }

  @Test
  void epochMillisEventTimeIsTakenAsIs() throws Rejection {
    long millis = millis("2026-11-20T12:05:07.123Z");
    assertEquals(Instant.ofEpochMilli(millis),
        valid(pageView().raw("event_time", String.valueOf(millis))).getEventTime());
  }

  @Test
  void eventTimeAsADigitStringIsInvalid() {
    invalid("event_time \"1795176307123\": not YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)",
        pageView().str("event_time", "1795176307123"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "\"2026-11-20T13:05:07\";event_time \"2026-11-20T13:05:07\": not YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)",
      "\"2026-11-20T13:05:07+0100\";event_time \"2026-11-20T13:05:07+0100\": the time zone must be Z, +HH:MM or -HH:MM",
      "\"2026-11-20 13:05:07Z\";event_time \"2026-11-20 13:05:07Z\": not YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)",
      "\"2026-11-20T13:05:07.Z\";event_time \"2026-11-20T13:05:07.Z\": no digits after the decimal point",
      "\"2026-11-20T13:05:07+19:00\";event_time \"2026-11-20T13:05:07+19:00\": offset out of range -18:00..+18:00",
      "\"\";event_time is empty"})
  void badEventTimeTextIsInvalid(String json, String detail) {
    Rejection rejection = rejected(validator, pageView().raw("event_time", json));
    assertEquals(detail, rejection.detail());
    assertEquals(json.equals("\"\"") ? QuarantineReason.MISSING_FIELD : QuarantineReason.INVALID_VALUE,
        rejection.reason());
  }

  @Test
  void impossibleDateIsInvalid() {
    Rejection rejection = rejected(validator, pageView().str("event_time", "2026-02-30T00:00:00Z"));
    assertEquals(QuarantineReason.INVALID_VALUE, rejection.reason());
    assertEquals("event_time \"2026-02-30T00:00:00Z\": no such date or time: Invalid date 'FEBRUARY 30'",
        rejection.detail());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1.7e12|number", "1795176307123.0|number", "true|boolean", "{}|object"})
  void eventTimeOfAnotherJsonTypeIsInvalid(String json, String type) {
    invalid("event_time is a JSON " + type + ", expected an ISO-8601 string or an integer of epoch milliseconds",
        pageView().raw("event_time", json));
  }

  @Test
  void epochMillisBeyondALongIsInvalid() {
    invalid("event_time 9223372036854775808 is out of range for epoch milliseconds",
        pageView().raw("event_time", "9223372036854775808"));
  }

  // ---- LATE and FUTURE -------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-19T00:00:00.000Z", "2026-11-19T12:00:00Z", "2026-11-20T00:00:00Z",
      "2026-11-20T23:59:59.999Z", "2026-11-20T23:59:59.999999Z"})
  void eventsFromDMinusOneStartToDEndAreAccepted(String time) throws Rejection {
    assertEquals(millis(time), valid(pageView().str("event_time", time)).getEventTime().toEpochMilli());
    assertEquals(millis(time),
        valid(pageView().raw("event_time", String.valueOf(millis(time)))).getEventTime().toEpochMilli());
  }

  @Test
  void lastMillisecondBeforeDMinusOneIsLate() {
    String late = "event date 2026-11-18 is more than 1 day(s) before arrival date 2026-11-20";
    assertRejected(QuarantineReason.LATE, late, pageView().str("event_time", "2026-11-18T23:59:59.999Z"));
    assertRejected(QuarantineReason.LATE, late,
        pageView().raw("event_time", String.valueOf(millis("2026-11-18T23:59:59.999Z"))));
    assertRejected(QuarantineReason.LATE, "event date 1969-12-31 is more than 1 day(s) before arrival date 2026-11-20",
        pageView().raw("event_time", "-1"));
  }

  @Test
  void firstMillisecondAfterDIsFuture() {
    String future = "event date 2026-11-21 is after arrival date 2026-11-20";
    assertRejected(QuarantineReason.FUTURE, future, pageView().str("event_time", "2026-11-21T00:00:00Z"));
    assertRejected(QuarantineReason.FUTURE, future, pageView().str("event_time", "2026-11-21T00:00:00.000Z"));
    assertRejected(QuarantineReason.FUTURE, future,
        pageView().raw("event_time", String.valueOf(millis("2026-11-21T00:00:00Z"))));
  }

  @Test
  void offsetsThatMoveTheUtcDateDecide() throws Rejection {
    // Local 21st, UTC 20th 23:30: accepted.
    assertEquals(Instant.parse("2026-11-20T23:30:00Z"),
        valid(pageView().str("event_time", "2026-11-21T00:30:00+01:00")).getEventTime());
    // Local 20th, UTC 21st 00:30: future.
    assertRejected(QuarantineReason.FUTURE, "event date 2026-11-21 is after arrival date 2026-11-20",
        pageView().str("event_time", "2026-11-20T23:30:00-01:00"));
    // Local 19th, UTC 18th 23:30: late.
    assertRejected(QuarantineReason.LATE, "event date 2026-11-18 is more than 1 day(s) before arrival date 2026-11-20",
        pageView().str("event_time", "2026-11-19T00:30:00+01:00"));
    // Local 18th, UTC 19th 00:30: accepted.
    assertEquals(Instant.parse("2026-11-19T00:30:00Z"),
        valid(pageView().str("event_time", "2026-11-18T23:30:00-01:00")).getEventTime());
    // The extreme offsets.
    assertEquals(Instant.parse("2026-11-20T23:59:00Z"),
        valid(pageView().str("event_time", "2026-11-20T05:59:00-18:00")).getEventTime());
    assertRejected(QuarantineReason.FUTURE, "event date 2026-11-21 is after arrival date 2026-11-20",
        pageView().str("event_time", "2026-11-20T06:00:00-18:00"));
  }

  @Test
  void lateWindowFollowsLateDays() throws Rejection {
    EventValidator sameDayOnly = new EventValidator(D, 0);
    assertRejected(sameDayOnly, QuarantineReason.LATE,
        "event date 2026-11-19 is more than 0 day(s) before arrival date 2026-11-20",
        pageView().str("event_time", "2026-11-19T23:59:59.999Z"));
    assertEquals(Instant.parse("2026-11-20T00:00:00Z"),
        sameDayOnly.validate(parser.parse(pageView().str("event_time", "2026-11-20T00:00:00Z").json())).getEventTime());

    EventValidator threeDays = new EventValidator(D, 3);
    assertEquals(Instant.parse("2026-11-17T00:00:00Z"),
        threeDays.validate(parser.parse(pageView().str("event_time", "2026-11-17T00:00:00Z").json())).getEventTime());
    assertRejected(threeDays, QuarantineReason.LATE,
        "event date 2026-11-16 is more than 3 day(s) before arrival date 2026-11-20",
        pageView().str("event_time", "2026-11-16T23:59:59.999Z"));
  }

  @Test
  void extremeEpochMillisAreLateOrFutureNotErrors() {
    assertRejected(QuarantineReason.FUTURE, "event date +292278994-08-17 is after arrival date 2026-11-20",
        pageView().raw("event_time", String.valueOf(Long.MAX_VALUE)));
    assertRejected(QuarantineReason.LATE,
        "event date -292275055-05-16 is more than 1 day(s) before arrival date 2026-11-20",
        pageView().raw("event_time", String.valueOf(Long.MIN_VALUE)));
  }

  @Test
  void negativeLateDaysAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EventValidator(D, -1));
    assertEquals("late days must be >= 0: -1", e.getMessage());
  }

  @Test
  void dateOfAnEventIsItsUtcDateAtMidnightBoundaries() throws Rejection {
    long startOfD = D.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    assertEquals(startOfD, valid(pageView().raw("event_time", String.valueOf(startOfD))).getEventTime().toEpochMilli());
    assertRejected(QuarantineReason.FUTURE, "event date 2026-11-21 is after arrival date 2026-11-20",
        pageView().raw("event_time", String.valueOf(startOfD + 86_400_000L)));
    long startOfDMinus1 = startOfD - 86_400_000L;
    assertEquals(startOfDMinus1,
        valid(pageView().raw("event_time", String.valueOf(startOfDMinus1))).getEventTime().toEpochMilli());
    assertRejected(QuarantineReason.LATE, "event date 2026-11-18 is more than 1 day(s) before arrival date 2026-11-20",
        pageView().raw("event_time", String.valueOf(startOfDMinus1 - 1)));
  }

  // ---- attributes ------------------------------------------------------------------------------------

  @Test
  void unnamedFieldsGoToAttributesInSourceOrderAsText() throws Rejection {
    EventLines line = EventLines.empty()
        .raw("zeta", "\"text \\u00e9 \\\"q\\\"\"")
        .str("event_id", "e-1")
        .raw("num", "1.50")
        .raw("int", "-7")
        .raw("exp", "1E+3")
        .str("event_type", "page_view")
        .raw("obj", "{ \"a\" : [1, {\"b\":null}] }")
        .raw("arr", "[\"x\", 2]")
        .str("event_time", "2026-11-20T10:00:00Z")
        .raw("yes", "true")
        .raw("no", "false")
        .raw("nothing", "null")
        .raw("empty", "\"\"")
        .str("anonymous_id", "a")
        .raw("Event_ID", "\"case matters\"");
    Map<String, String> attributes = valid(line).getAttributes();
    List<Map.Entry<String, String>> expected = new ArrayList<>();
    expected.add(Map.entry("zeta", "text é \"q\""));
    expected.add(Map.entry("num", "1.50"));
    expected.add(Map.entry("int", "-7"));
    expected.add(Map.entry("exp", "1E+3"));
    expected.add(Map.entry("obj", "{ \"a\" : [1, {\"b\":null}] }"));
    expected.add(Map.entry("arr", "[\"x\", 2]"));
    expected.add(Map.entry("yes", "true"));
    expected.add(Map.entry("no", "false"));
    expected.add(new java.util.AbstractMap.SimpleEntry<>("nothing", null));
    expected.add(Map.entry("empty", ""));
    expected.add(Map.entry("Event_ID", "case matters"));
    assertEquals(expected, new ArrayList<>(attributes.entrySet()));
  }

  @Test
  void namedFieldsNeverAppearInAttributes() throws Rejection {
    Event event = valid(purchase().str("user_id", "").str("country", "FR").str("page_url", "")
        .nul("referrer").str("user_agent", "ua").str("ip", "::1").str("search_query", "q").raw("quantity", "2"));
    assertEquals(Map.of(), event.getAttributes());
  }
}
