package io.mrsuite.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonObjectParserTest {
  private final JsonObjectParser parser = new JsonObjectParser();

  private Rejection rejected(String line) {
    Rejection rejection = assertThrows(Rejection.class, () -> parser.parse(line));
    assertEquals(QuarantineReason.MALFORMED_JSON, rejection.reason());
    return rejection;
  }

  private static String nestedArrays(int levelsUnderTheTopObject) {
    return "{\"a\":" + "[".repeat(levelsUnderTheTopObject) + "]".repeat(levelsUnderTheTopObject) + "}";
  }

  private static String nestedObjects(int levelsUnderTheTopObject) {
    return "{" + "\"k\":{".repeat(levelsUnderTheTopObject) + "}".repeat(levelsUnderTheTopObject) + "}";
  }

  // ---- valid objects ---------------------------------------------------------------------------------

  @Test
  void fieldsComeInSourceOrderWithTheirTokensAndTexts() throws Rejection {
    String line = "{\"s\":\"x\\u00e9\\n\\\"q\\\"\",\"n\":12.50,\"z\":-0,\"e\":1E+2,\"i\":7,\"t\":true,\"f\":false,"
        + "\"null\":null,\"o\":{\"x\": [1, 2 ,{\"y\":null}] },\"a\":[ ],\"u\":\"😀\"}";
    Map<String, JsonField> fields = parser.parse(line);
    assertEquals(List.of("s", "n", "z", "e", "i", "t", "f", "null", "o", "a", "u"), List.copyOf(fields.keySet()));
    assertEquals(new JsonField(JsonToken.VALUE_STRING, "xé\n\"q\""), fields.get("s"));
    assertEquals(new JsonField(JsonToken.VALUE_NUMBER_FLOAT, "12.50"), fields.get("n"));
    assertEquals(new JsonField(JsonToken.VALUE_NUMBER_INT, "-0"), fields.get("z"));
    assertEquals(new JsonField(JsonToken.VALUE_NUMBER_FLOAT, "1E+2"), fields.get("e"));
    assertEquals(new JsonField(JsonToken.VALUE_NUMBER_INT, "7"), fields.get("i"));
    assertEquals(new JsonField(JsonToken.VALUE_TRUE, "true"), fields.get("t"));
    assertEquals(new JsonField(JsonToken.VALUE_FALSE, "false"), fields.get("f"));
    assertEquals(new JsonField(JsonToken.VALUE_NULL, null), fields.get("null"));
    assertEquals(new JsonField(JsonToken.START_OBJECT, "{\"x\": [1, 2 ,{\"y\":null}] }"), fields.get("o"));
    assertEquals(new JsonField(JsonToken.START_ARRAY, "[ ]"), fields.get("a"));
    assertEquals(new JsonField(JsonToken.VALUE_STRING, "😀"), fields.get("u"));
  }

  @Test
  void nestedValuesKeepTheirSourceTextEscapesIncluded() throws Rejection {
    Map<String, JsonField> fields =
        parser.parse("{\"pre\":\"😀é\",\"n\":{ \"s\" : \"a\\\"b\\\\\\u00e9😀\" , \"deep\":[[{}],-1.5e-3] },\"post\":1}");
    assertEquals("{ \"s\" : \"a\\\"b\\\\\\u00e9😀\" , \"deep\":[[{}],-1.5e-3] }", fields.get("n").text());
    assertEquals("1", fields.get("post").text());
  }

  @Test
  void whitespaceAroundTheObjectAndItsTokensIsAllowed() throws Rejection {
    Map<String, JsonField> fields = parser.parse(" \t{ \"a\" :\r\n 1 , \"b\":[ 2 ] }\t ");
    assertEquals("1", fields.get("a").text());
    assertEquals("[ 2 ]", fields.get("b").text());
  }

  @Test
  void emptyObjectHasNoFields() throws Rejection {
    assertTrue(parser.parse("{}").isEmpty());
    assertTrue(parser.parse(" { } ").isEmpty());
  }

  @Test
  void keysAreCaseSensitiveAndMayBeEmptyOrEscaped() throws Rejection {
    Map<String, JsonField> fields = parser.parse("{\"a\":1,\"A\":2,\"\":3,\"\\u0061b\":4}");
    assertEquals(List.of("a", "A", "", "ab"), List.copyOf(fields.keySet()));
  }

  @Test
  void sameKeyInDifferentObjectsIsNotADuplicate() throws Rejection {
    Map<String, JsonField> fields = parser.parse("{\"a\":{\"a\":1},\"b\":[{\"a\":1},{\"a\":2}],\"c\":{\"x\":{\"a\":1},\"y\":{\"a\":1}}}");
    assertEquals(3, fields.size());
  }

  @Test
  void numbersKeepTheirTextAsWritten() throws Rejection {
    Map<String, JsonField> fields =
        parser.parse("{\"a\":1.0,\"b\":0.10,\"c\":1e400,\"d\":123456789012345678901234567890,\"e\":-0.0E-0}");
    assertEquals("1.0", fields.get("a").text());
    assertEquals("0.10", fields.get("b").text());
    assertEquals("1e400", fields.get("c").text());
    assertEquals(JsonToken.VALUE_NUMBER_INT, fields.get("d").token());
    assertEquals("123456789012345678901234567890", fields.get("d").text());
    assertEquals("-0.0E-0", fields.get("e").text());
  }

  @Test
  void jsonFieldDescribesItsType() {
    assertEquals("string", new JsonField(JsonToken.VALUE_STRING, "x").typeName());
    assertEquals("number", new JsonField(JsonToken.VALUE_NUMBER_INT, "1").typeName());
    assertEquals("number", new JsonField(JsonToken.VALUE_NUMBER_FLOAT, "1.5").typeName());
    assertEquals("boolean", new JsonField(JsonToken.VALUE_TRUE, "true").typeName());
    assertEquals("boolean", new JsonField(JsonToken.VALUE_FALSE, "false").typeName());
    assertEquals("null", new JsonField(JsonToken.VALUE_NULL, null).typeName());
    assertEquals("object", new JsonField(JsonToken.START_OBJECT, "{}").typeName());
    assertEquals("array", new JsonField(JsonToken.START_ARRAY, "[]").typeName());
    JsonField integer = new JsonField(JsonToken.VALUE_NUMBER_INT, "1");
    assertTrue(integer.isInteger() && integer.isNumber() && !integer.isString() && !integer.isNull());
    JsonField decimal = new JsonField(JsonToken.VALUE_NUMBER_FLOAT, "1.5");
    assertTrue(decimal.isNumber());
    assertFalse(decimal.isInteger());
    assertNull(new JsonField(JsonToken.VALUE_NULL, null).text());
  }

  // ---- depth -----------------------------------------------------------------------------------------

  @Test
  void depthExactly1000IsAccepted() throws Rejection {
    // The top object is level 1, so 999 levels under it make 1000.
    String arrays = nestedArrays(999);
    assertEquals(arrays.substring(5, arrays.length() - 1), parser.parse(arrays).get("a").text());
    assertEquals(1, parser.parse(nestedObjects(999)).size());
  }

  @Test
  void depth1001IsRejected() {
    assertEquals("nested deeper than 1000 levels", rejected(nestedArrays(1000)).detail());
    assertEquals("nested deeper than 1000 levels", rejected(nestedObjects(1000)).detail());
  }

  @Test
  void depthIsCountedWithoutRecursionEvenForAMillionBrackets() {
    assertEquals("nested deeper than 1000 levels", rejected("{\"a\":" + "[".repeat(1_000_000)).detail());
  }

  // ---- malformed -------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   \t ", "\r\n"})
  void nothingButWhitespaceIsNoJsonValue(String line) {
    assertEquals("no JSON value", rejected(line).detail());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[1]|array", "[]|array", "\"text\"|string", "12|number", "1.5|number", "null|null", "true|boolean",
      "false|boolean"})
  void topLevelValueThatIsNotAnObjectIsRejected(String line, String type) {
    assertEquals("not a JSON object: a top-level " + type, rejected(line).detail());
  }

  @Test
  void twoObjectsOnALineAreRejected() {
    assertEquals("text after the JSON object at column 3", rejected("{}{}").detail());
    assertEquals("text after the JSON object at column 9", rejected("{\"a\":1} {\"b\":2}").detail());
    assertEquals("text after the JSON object at column 9", rejected("{\"a\":1} [2]").detail());
    assertEquals("text after the JSON object at column 9", rejected("{\"a\":1} 3").detail());
  }

  @Test
  void trailingGarbageIsRejected() {
    assertTrue(rejected("{\"a\":1}x").detail().startsWith("Unrecognized token 'x'"));
    assertTrue(rejected("{\"a\":1}x").detail().endsWith(" at column 9"));
    assertTrue(rejected("{\"a\":1}]").detail().endsWith(" at column 9"));
    assertTrue(rejected("{\"a\":1},").detail().endsWith(" at column 9"));
  }

  @Test
  void duplicateKeyAtTheTopIsRejected() {
    assertEquals("Duplicate field 'a' at column 11", rejected("{\"a\":1,\"a\":2}").detail());
    assertEquals("Duplicate field 'a' at column 14", rejected("{\"a\":null,\"a\":null}").detail());
  }

  @Test
  void duplicateKeyInANestedObjectIsRejected() {
    assertEquals("Duplicate field 'b' at column 16", rejected("{\"a\":{\"b\":1,\"b\":2}}").detail());
  }

  @Test
  void duplicateKeyDeepInsideArraysIsRejected() {
    assertEquals("Duplicate field 'y' at column 23", rejected("{\"a\":[{\"x\":[{\"y\":1,\"y\":1}]}]}").detail());
    String deep = "{\"a\":" + "[".repeat(900) + "{\"k\":1,\"k\":2}" + "]".repeat(900) + "}";
    assertTrue(rejected(deep).detail().startsWith("Duplicate field 'k'"));
  }

  @Test
  void duplicateKeyIsFoundEvenAfterAnotherError() {
    // The first problem in reading order names the rejection.
    assertTrue(rejected("{\"a\":1,\"a\":2,}").detail().startsWith("Duplicate field 'a'"));
  }

  @Test
  void singleQuotesAreRejected() {
    assertTrue(rejected("{'a':1}").detail().endsWith(" at column 3"));
    assertTrue(rejected("{\"a\":'x'}").detail().startsWith("Unexpected character ('''"));
  }

  @Test
  void commentsAreRejected() {
    assertTrue(rejected("{\"a\":1 /* c */}").detail().contains("ALLOW_COMMENTS"));
    assertTrue(rejected("{\"a\":1} // c").detail().contains("ALLOW_COMMENTS"));
    assertTrue(rejected("# c\n{\"a\":1}").detail().startsWith("Unexpected character ('#'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "-NaN", "Infinity", "-Infinity", "+Infinity"})
  void nonNumericNumbersAreRejected(String token) {
    rejected("{\"a\":" + token + "}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "-01", "00", "+1", ".5", "1.", "1e", "1e+", "-", "0x1F", "1_000", "1.5.2", "--1"})
  void numbersOutsideTheGrammarAreRejected(String number) {
    rejected("{\"a\":" + number + "}");
  }

  @Test
  void leadingZeroesAreRejected() {
    assertEquals("Invalid numeric value: Leading zeroes not allowed at column 7", rejected("{\"a\":01}").detail());
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F})
  void unescapedControlCharacterInAStringIsRejected(int control) {
    String detail = rejected("{\"a\":\"x" + (char) control + "y\"}").detail();
    assertTrue(detail.contains("CTRL-CHAR, code " + control), detail);
  }

  @Test
  void controlCharacterOutsideAStringIsRejected() {
    assertTrue(rejected("{\"a\":1}\u0000").detail().contains("CTRL-CHAR, code 0"));
    assertTrue(rejected("{\u000b\"a\":1}").detail().contains("CTRL-CHAR, code 11"));
    rejected("{\"a\":1\f}");
  }

  @Test
  void trailingCommasAreRejected() {
    assertTrue(rejected("{\"a\":1,}").detail().endsWith(" at column 9"));
    assertTrue(rejected("{\"a\":[1,]}").detail().endsWith(" at column 10"));
    rejected("{,}");
    rejected("{\"a\":[,1]}");
  }

  @Test
  void aLineIsParsedFromItsBytesAtAnyOffset() throws Rejection {
    byte[] padded = "xx{\"é\":{\"b\":[1,\"ü\"]},\"c\":\"😀\"}yy".getBytes(StandardCharsets.UTF_8);
    Map<String, JsonField> fields = parser.parse(padded, 2, padded.length - 4);
    assertEquals(List.of("é", "c"), List.copyOf(fields.keySet()));
    assertEquals("{\"b\":[1,\"ü\"]}", fields.get("é").text());
    assertEquals("😀", fields.get("c").text());
    byte[] twice = "zz{}{}".getBytes(StandardCharsets.UTF_8);
    assertEquals("text after the JSON object at column 3",
        assertThrows(Rejection.class, () -> parser.parse(twice, 2, 4)).detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{a:1}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":1", "{\"a\":[1}", "{\"a\":{\"b\":1}",
      "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "{\"a\":tru}", "{\"a\":True}",
      "{\"a\":undefined}", "{\"a\":1}}", "{\"a\"}", "{:1}", "{1:1}", "{null:1}", "\uFEFF{}", "{\"a\":1}\u00A0",
      "{\u2028\"a\":1}"})
  void otherSyntaxErrorsAreRejected(String line) {
    rejected(line);
  }

  @Test
  void unexpectedEndIsRejectedNamingWhereTheObjectStarted() {
    String detail = rejected("{\"a\":1").detail();
    assertTrue(detail.startsWith("Unexpected end-of-input: expected close marker for Object"), detail);
    assertTrue(detail.endsWith(" at column 7"), detail);
    assertFalse(detail.contains("\n"));
  }
}
