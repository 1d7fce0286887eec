package io.mrsuite.jobs.fuzz;

import io.mrsuite.formats.json.JsonObjectParser;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.text.TextInputKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out the lines of one JSON Lines file: valid events, with the bad lines of the file's corruption
 * among them, in one producer's layout (byte-order mark or not, LF or CRLF, final line break or not).
 */
final class EventContent {
  static final int LIMIT = TextInputKeys.DEFAULT_MAX_RECORD_BYTES;
  /** Enough to make bzip2 write several 100 kB blocks, for cuts at a block boundary. */
  static final int MULTI_BLOCK_BYTES = 160_000;
  private static final Expectation.Quarantined MALFORMED = Expectation.quarantined(QuarantineReason.MALFORMED_JSON);

  private final SplittableRandom random;
  private final EventLines events;

  EventContent(SplittableRandom random, EventLines events) {
    this.random = random;
    this.events = events;
  }

  /**
   * @param manyBlocks whether to write enough lines for several bzip2 blocks
   */
  RawContent build(Corruption corruption, boolean manyBlocks) {
    List<Entry> entries = new ArrayList<>();
    int valid = manyBlocks ? 0 : 1 + random.nextInt(8);
    for (int i = 0; i < valid; i++) {
      entries.add(corruption == Corruption.TRUNCATED && i == 0 ? written(events.withMultiByteCharacter())
          : written(events.next()));
    }
    int bytes = 0;
    while (manyBlocks && bytes < MULTI_BLOCK_BYTES) {
      Entry entry = written(events.next());
      bytes += entry.content().length;
      entries.add(entry);
    }
    plant(corruption, entries);
    boolean crlf = random.nextInt(4) == 0;
    RawContent content = new RawContent();
    if (random.nextInt(8) == 0) {
      content.byteOrderMark();
    }
    byte[] terminator = (crlf ? "\r\n" : "\n").getBytes(StandardCharsets.US_ASCII);
    boolean nulTail = corruption == Corruption.NUL_BYTES;
    boolean finalLineBreak = nulTail || random.nextInt(5) != 0;
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0 && random.nextInt(10) == 0) {
        content.record(Entry.skipped(), terminator);
      }
      Entry entry = entries.get(i);
      content.record(entry, entry.endsLine(i == entries.size() - 1, finalLineBreak) ? terminator : new byte[0]);
    }
    if (nulTail) {
      // What a crash leaves in a preallocated file: NULs up to its end, no line break.
      content.record(Entry.quarantined(BadBytes.repeat((byte) 0, 1 + random.nextInt(4096)),
          MALFORMED, null), new byte[0]);
    }
    return content.laidOut();
  }

  private static Entry written(EventJson event) {
    byte[] line = event.render().bytes();
    // Cut anywhere before the closing brace, the line is not one whole JSON object.
    return new Entry(line, new Expectation.Written(event.expected()), null, line.length - 1);
  }

  private void plant(Corruption corruption, List<Entry> entries) {
    int count = corruption == Corruption.HUGE_RECORD ? 2 : 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      Entry bad;
      switch (corruption) {
        case INVALID_UTF8:
          bad = intoEventId(BadBytes.notUtf8(random), QuarantineReason.INVALID_ENCODING);
          break;
        case NUL_BYTES:
          bad = intoEventId(new byte[] {0}, QuarantineReason.MALFORMED_JSON);
          break;
        case STRAY_QUOTE:
          bad = intoEventId(new byte[] {'"'}, QuarantineReason.MALFORMED_JSON);
          break;
        case DEEP_NESTING:
          bad = deeplyNested();
          break;
        case DUPLICATE_KEYS:
          bad = duplicateKey();
          break;
        case BLANK_LINES:
          bad = blank();
          break;
        case HUGE_RECORD:
          bad = i == 0 ? sized(LIMIT) : sized(LIMIT + 1 + (random.nextBoolean() ? 0 : random.nextInt(65_536)));
          break;
        default:
          return;
      }
      // A byte-order mark opening the file is the file's own, not text: the planted one goes further down.
      boolean startsWithMark = bad.content().length >= 3 && bad.content()[0] == RawContent.BYTE_ORDER_MARK[0]
          && bad.content()[1] == RawContent.BYTE_ORDER_MARK[1] && bad.content()[2] == RawContent.BYTE_ORDER_MARK[2];
      int first = startsWithMark ? 1 : 0;
      entries.add(first + random.nextInt(entries.size() + 1 - first), bad);
    }
  }

  /** A valid event with {@code bytes} planted inside its event_id, whose literal has no escapes. */
  private Entry intoEventId(byte[] bytes, QuarantineReason reason) {
    EventJson.Rendered line = events.next().render();
    int idStart = line.valueStart("event_id");
    int idLength = indexOf(line.bytes(), (byte) '"', idStart + 1) - idStart - 1;
    int at = idStart + 1 + random.nextInt(idLength + 1);
    return Entry.quarantined(BadBytes.insert(line.bytes(), at, bytes), new Expectation.Quarantined(reason), null);
  }

  /** An attribute nested to the contract's limit (valid), one level past it, or far past it. */
  private Entry deeplyNested() {
    EventJson event = events.next();
    boolean objects = random.nextBoolean();
    switch (random.nextInt(3)) {
      case 0:
        // The top-level object is level 1: a value of 999 levels reaches 1,000.
        String nested = nested(JsonObjectParser.MAX_DEPTH - 1, objects);
        event.addAttribute("x_deep", nested.getBytes(StandardCharsets.US_ASCII), nested);
        return written(event);
      case 1:
        event.add("x_deep", nested(JsonObjectParser.MAX_DEPTH, objects).getBytes(StandardCharsets.US_ASCII));
        return Entry.quarantined(event.render().bytes(), MALFORMED, null);
      default:
        // Never closed, as deep as fits well under the size limit: a parser that recurses would overflow.
        event.add("x_deep", BadBytes.repeat((byte) '[', 100_000));
        return Entry.quarantined(event.render().bytes(), MALFORMED, null);
    }
  }

  private static String nested(int levels, boolean objects) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      text.append(objects ? (i == levels - 1 ? "{" : "{\"a\":") : "[");
    }
    for (int i = 0; i < levels; i++) {
      text.append(objects ? '}' : ']');
    }
    return text.toString();
  }

  /** The same key twice in one object: at the top, in a nested object, or the same only once unescaped. */
  private Entry duplicateKey() {
    EventJson event = events.next();
    switch (random.nextInt(4)) {
      case 0:
        EventJson.Member id = event.members().get(0);
        event.add(id.name(), id.value());
        break;
      case 1:
        event.add("x_twice", "1".getBytes(StandardCharsets.US_ASCII));
        event.add("x_twice", "\"2\"".getBytes(StandardCharsets.US_ASCII));
        break;
      case 2:
        event.add("x_nested", "{\"a\":1,\"b\":{\"c\":2,\"c\":3}}".getBytes(StandardCharsets.US_ASCII));
        break;
      default:
        byte[] line = event.render().bytes();
        byte[] twice = ",\"x_u\":1,\"x\\u005fu\":2".getBytes(StandardCharsets.US_ASCII);
        return Entry.quarantined(BadBytes.insert(line, line.length - 1, twice), MALFORMED,
            null);
    }
    return Entry.quarantined(event.render().bytes(), MALFORMED, null);
  }

  private Entry blank() {
    switch (random.nextInt(3)) {
      case 0:
        return Entry.skipped();
      case 1:
        return Entry.quarantined(" \t ".getBytes(StandardCharsets.US_ASCII), MALFORMED, null);
      default:
        // A byte-order mark is text anywhere but at the very start of a file.
        return Entry.quarantined(BadBytes.insert(events.next().render().bytes(), 0, RawContent.BYTE_ORDER_MARK),
            MALFORMED, null);
    }
  }

  /** A valid event padded to exactly {@code length} bytes: valid up to the limit, RECORD_TOO_LARGE past it. */
  private Entry sized(int length) {
    EventJson event = events.next();
    EventJson probe = copyOf(event);
    probe.add("x_pad", "\"\"".getBytes(StandardCharsets.US_ASCII));
    int padding = length - probe.render().bytes().length;
    String pad = "A".repeat(padding);
    event.addAttribute("x_pad", ("\"" + pad + "\"").getBytes(StandardCharsets.US_ASCII), pad);
    byte[] line = event.render().bytes();
    if (line.length != length) {
      throw new IllegalStateException("padded to " + line.length + " bytes, not " + length);
    }
    return length <= LIMIT ? written(event)
        : Entry.quarantined(line, new Expectation.Quarantined(QuarantineReason.RECORD_TOO_LARGE), null);
  }

  private static EventJson copyOf(EventJson event) {
    EventJson copy = new EventJson(event.expected(), event.spaced());
    event.members().forEach(member -> copy.add(member.name(), member.value()));
    return copy;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
