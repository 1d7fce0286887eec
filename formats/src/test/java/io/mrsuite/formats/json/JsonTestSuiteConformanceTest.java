package io.mrsuite.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import io.mrsuite.formats.events.RawEventDecoder;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.text.LineScanner;
import io.mrsuite.formats.text.RawLine;
import io.mrsuite.formats.text.StreamBreaks;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 8259 conformance in the style of JSONTestSuite (nst/JSONTestSuite, see {@link JsonTestSuiteCases}): every
 * {@code n_} text is rejected, every {@code y_} text accepted. The parser takes only objects, so a {@code y_} text
 * that is not an object is checked inside {@code {"v": ...}}; each {@code n_} text is checked as it is and inside
 * {@code {"v": ...}}, where it cannot hide behind "not an object".
 */
class JsonTestSuiteConformanceTest {
  /** y_ files the contract rejects on purpose: duplicate keys are MALFORMED_JSON at any depth. */
  private static final Set<String> DUPLICATE_KEY_CASES =
      Set.of("y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json");

  private final JsonObjectParser parser = new JsonObjectParser();

  private static boolean isObjectText(String text) {
    return text.strip().startsWith("{");
  }

  private static String wrap(String text) {
    return "{\"v\":" + text + "}";
  }

  static Stream<Arguments> acceptedCases() {
    return Stream.of(JsonTestSuiteCases.ACCEPT)
        .filter(c -> !DUPLICATE_KEY_CASES.contains(c[0]))
        .map(c -> Arguments.of(c[0], c[1]));
  }

  static Stream<Arguments> rejectedCases() {
    Stream<Arguments> files = Stream.of(JsonTestSuiteCases.REJECT).map(c -> Arguments.of(c[0], c[1]));
    Stream<Arguments> large = Stream.of(
        Arguments.of("n_structure_100000_opening_arrays.json", "[".repeat(100_000)),
        Arguments.of("n_structure_open_array_object.json", "[{\"\":".repeat(50_000) + "\n"));
    return Stream.concat(files, large);
  }

  static Stream<Arguments> notUtf8Cases() {
    return Stream.of(JsonTestSuiteCases.REJECT_BYTES).map(c -> Arguments.of(c[0], c[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedCases")
  void yCasesAreAccepted(String file, String text) throws Rejection {
    if (isObjectText(text)) {
      parser.parse(text);
      return;
    }
    Map<String, JsonField> fields = parser.parse(wrap(text));
    assertEquals(Set.of("v"), fields.keySet());
    JsonField v = fields.get("v");
    String source = text.strip();
    switch (v.token()) {
      case START_ARRAY, START_OBJECT, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
          assertEquals(source, v.text(), "kept as its JSON text");
      case VALUE_NULL -> assertNull(v.text());
      case VALUE_STRING -> assertTrue(source.startsWith("\""));
      default -> throw new AssertionError(v.token());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedCases")
  void yCasesAreAcceptedAsNestedValuesToo(String file, String text) throws Rejection {
    Map<String, JsonField> fields = parser.parse("{\"outer\":[" + text + "]}");
    assertEquals(JsonToken.START_ARRAY, fields.get("outer").token());
    assertEquals("[" + text + "]", fields.get("outer").text());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedCases")
  void nCasesAreRejectedAsMalformedJson(String file, String text) {
    Rejection rejection = assertThrows(Rejection.class, () -> parser.parse(text));
    assertEquals(QuarantineReason.MALFORMED_JSON, rejection.reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedCases")
  void nCasesAreRejectedInsideAnObject(String file, String text) {
    Rejection rejection = assertThrows(Rejection.class, () -> parser.parse(wrap(text)));
    assertEquals(QuarantineReason.MALFORMED_JSON, rejection.reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notUtf8Cases")
  void nCasesThatAreNotUtf8AreInvalidEncoding(String file, String hex) throws Exception {
    byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(hex);
    LineScanner scanner = new LineScanner(new ByteArrayInputStream(bytes), file, 1 << 20, StreamBreaks.NONE);
    RawLine line = new RawLine();
    assertTrue(scanner.next(line));
    assertTrue(line.firstInvalidUtf8() >= 0, "not UTF-8");
    Rejection rejection = assertThrows(Rejection.class,
        () -> new RawEventDecoder(LocalDate.of(2026, 11, 20), 1).decode(line));
    assertEquals(QuarantineReason.INVALID_ENCODING, rejection.reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("duplicateKeyCases")
  void yCasesWithDuplicateKeysAreRejectedByTheContract(String file, String text) {
    Rejection rejection = assertThrows(Rejection.class, () -> parser.parse(text));
    assertEquals(QuarantineReason.MALFORMED_JSON, rejection.reason());
    assertEquals("Duplicate field 'a' at column 13", rejection.detail());
  }

  static Stream<Arguments> duplicateKeyCases() {
    return Stream.of(JsonTestSuiteCases.ACCEPT)
        .filter(c -> DUPLICATE_KEY_CASES.contains(c[0]))
        .map(c -> Arguments.of(c[0], c[1]));
  }
}
