package io.mrsuite.formats.json;

import com.fasterxml.jackson.core.JsonToken;

/**
 * One top-level field of a parsed JSON object: its token type and its text. For strings the text is the
 * decoded string, for numbers and booleans their JSON text as written, for objects and arrays their JSON
 * source text, for null {@code null}.
 */
public record JsonField(JsonToken token, String text) {

  public boolean isNull() {
    return token == JsonToken.VALUE_NULL;
  }

  public boolean isString() {
    return token == JsonToken.VALUE_STRING;
  }

  public boolean isInteger() {
    return token == JsonToken.VALUE_NUMBER_INT;
  }

  public boolean isNumber() {
    return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
  }

  /** JSON type name for messages. */
  public String typeName() {
    switch (token) {
      case VALUE_STRING:
        return "string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "boolean";
      case VALUE_NULL:
        return "null";
      case START_OBJECT:
        return "object";
      case START_ARRAY:
        return "array";
      default:
        return token.name();
    }
  }
}
