package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.avro.Event;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One event as JSON members in the order they are written, and the curated event a reader must make of
 * them. Extra members can be added before it is rendered (and are then expected in the attributes).
 */
final class EventJson {
  /** One {@code "name":value} member; the value is JSON text as written. */
  record Member(String name, byte[] value) {
  }

  /** The line's bytes and where each member's value starts in them. */
  record Rendered(byte[] bytes, Map<String, Integer> valueStarts) {
    int valueStart(String name) {
      return valueStarts.get(name);
    }
  }

  private final List<Member> members = new ArrayList<>();
  private final Event expected;
  private final boolean spaced;

  EventJson(Event expected, boolean spaced) {
    this.expected = expected;
    this.spaced = spaced;
  }

  void add(String name, byte[] value) {
    members.add(new Member(name, value));
  }

  /** Adds a member the contract does not name; a valid event keeps it in attributes as {@code text}. */
  void addAttribute(String name, byte[] value, String text) {
    add(name, value);
    expected.getAttributes().put(name, text);
  }

  List<Member> members() {
    return members;
  }

  boolean spaced() {
    return spaced;
  }

  /** The curated event a reader must make of this line, without its source position. */
  Event expected() {
    return expected;
  }

  Rendered render() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, Integer> starts = new HashMap<>();
    out.write('{');
    for (int i = 0; i < members.size(); i++) {
      if (i > 0) {
        out.writeBytes(spaced ? ", ".getBytes(StandardCharsets.US_ASCII) : new byte[] {','});
      }
      Member member = members.get(i);
      out.writeBytes(JsonText.plainLiteral(member.name()));
      out.writeBytes(spaced ? ": ".getBytes(StandardCharsets.US_ASCII) : new byte[] {':'});
      starts.putIfAbsent(member.name(), out.size());
      out.writeBytes(member.value());
    }
    out.write('}');
    return new Rendered(out.toByteArray(), starts);
  }
}
