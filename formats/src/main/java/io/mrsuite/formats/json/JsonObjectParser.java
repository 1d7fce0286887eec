package io.mrsuite.formats.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a line that must hold exactly one JSON object into its top-level fields, in source order.
 *
 * <p>Parsing is strict RFC 8259: no comments, no trailing text, no duplicate keys at any depth, and at most
 * {@value #MAX_DEPTH} levels of nesting counting the object itself. Nested values are kept as their JSON
 * source text. Anything else is a {@link QuarantineReason#MALFORMED_JSON} rejection.
 *
 * <p>One pass over a streaming parser: nesting is counted here rather than by building a tree, so a
 * line of a million brackets costs a counter, not a stack overflow.
 */
public final class JsonObjectParser {
  public static final int MAX_DEPTH = 1000;

  // Field names are canonicalized, so a name seen before comes back as the same String, its hash already
  // computed; names crafted to collide only slow their own line down instead of failing the task.
  private final JsonFactory factory = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
      .build();

  /** Parses {@code line}; the map iterates in source order. */
  public Map<String, JsonField> parse(String line) throws Rejection {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length);
  }

  /**
   * Parses the well-formed UTF-8 line in {@code bytes[offset, offset + length)}, straight from its bytes; the
   * map iterates in source order. Columns in the rejections count bytes.
   */
  public Map<String, JsonField> parse(byte[] bytes, int offset, int length) throws Rejection {
    // Jackson skips a byte-order mark at the start of its input; inside a file it is no JSON text.
    if (length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
        && bytes[offset + 2] == (byte) 0xBF) {
      throw malformed("a byte-order mark (U+FEFF) before the JSON object at column 1");
    }
    try (JsonParser parser = factory.createParser(bytes, offset, length)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw malformed("no JSON value");
      }
      if (token != JsonToken.START_OBJECT) {
        throw malformed("not a JSON object: a top-level " + describe(token));
      }
      Map<String, JsonField> fields = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken valueToken = parser.nextToken();
        String text;
        if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
          int start = (int) parser.getTokenLocation().getByteOffset();
          skipStructure(parser);
          int end = (int) parser.getCurrentLocation().getByteOffset();
          text = new String(bytes, offset + start, end - start, StandardCharsets.UTF_8);
        } else {
          text = valueToken == JsonToken.VALUE_NULL ? null : parser.getText();
        }
        fields.put(name, new JsonField(valueToken, text));
      }
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw malformed("text after the JSON object at column " + parser.getTokenLocation().getColumnNr());
      }
      return fields;
    } catch (JsonProcessingException e) {
      throw malformed(e.getOriginalMessage().replace('\n', ' ') + at(e.getLocation()));
    } catch (IOException e) {
      throw new IllegalStateException("reading a byte array cannot fail", e);
    }
  }

  /** Skips the object or array the parser has just entered (at depth 2, under the top-level object). */
  private static void skipStructure(JsonParser parser) throws IOException, Rejection {
    int depth = 2;
    checkDepth(depth);
    while (depth > 1) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw malformed("unexpected end of input inside a nested value");
      }
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        checkDepth(++depth);
      } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        depth--;
      }
    }
  }

  private static void checkDepth(int depth) throws Rejection {
    if (depth > MAX_DEPTH) {
      throw malformed("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_ARRAY:
        return "array";
      case VALUE_STRING:
        return "string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "number";
      case VALUE_NULL:
        return "null";
      default:
        return "boolean";
    }
  }

  private static String at(JsonLocation location) {
    return location == null ? "" : " at column " + location.getColumnNr();
  }

  private static Rejection malformed(String detail) {
    return new Rejection(QuarantineReason.MALFORMED_JSON, detail);
  }
}
