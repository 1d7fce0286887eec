package io.mrsuite.formats.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Builds raw event lines field by field (values as raw JSON text), keeping the fields in insertion order. */
final class EventLines {
  private final Map<String, String> fields = new LinkedHashMap<>();

  private EventLines() {
  }

  static EventLines empty() {
    return new EventLines();
  }

  /** A valid page_view arriving on 2026-11-20. */
  static EventLines pageView() {
    return new EventLines().str("event_id", "e-1").str("event_type", "page_view")
        .str("event_time", "2026-11-20T13:05:07.123+01:00").str("anonymous_id", "anon-1");
  }

  /** A valid purchase arriving on 2026-11-20. */
  static EventLines purchase() {
    return pageView().str("event_type", "purchase").str("product_id", "p-1").raw("price", "12.5")
        .str("currency", "EUR").str("order_id", "o-1");
  }

  static EventLines of(String type) {
    return pageView().str("event_type", type);
  }

  /** Sets a field to raw JSON text; a field set before keeps its position. */
  EventLines raw(String name, String json) {
    fields.put(name, json);
    return this;
  }

  EventLines str(String name, String value) {
    return raw(name, quote(value));
  }

  EventLines nul(String name) {
    return raw(name, "null");
  }

  EventLines without(String name) {
    fields.remove(name);
    return this;
  }

  String json() {
    StringJoiner joined = new StringJoiner(",", "{", "}");
    fields.forEach((name, value) -> joined.add(quote(name) + ":" + value));
    return joined.toString();
  }

  @Override
  public String toString() {
    return json();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
