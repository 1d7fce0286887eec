package io.mrsuite.formats.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.Event;
import io.mrsuite.formats.avro.EventType;
import io.mrsuite.formats.quarantine.QuarantineReason;
import io.mrsuite.formats.quarantine.Rejection;
import io.mrsuite.formats.text.LineScanner;
import io.mrsuite.formats.text.RawLine;
import io.mrsuite.formats.text.StreamBreaks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class RawEventDecoderTest {
  private static final String FILE = "hdfs://nn/raw/events/dt=2026-11-20/hr=13/part-0.jsonl.gz";
  private static final LocalDate D = LocalDate.of(2026, 11, 20);

  private final RawEventDecoder decoder = new RawEventDecoder(D, 1);

  /** The one line of {@code bytes}. */
  private static RawLine one(byte[] bytes, int max) throws IOException {
    LineScanner scanner = new LineScanner(new ByteArrayInputStream(bytes), FILE, max, StreamBreaks.NONE);
    RawLine line = new RawLine();
    assertTrue(scanner.next(line));
    assertFalse(scanner.next(new RawLine()));
    return line;
  }

  private static RawLine one(String text) throws IOException {
    return one(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
  }

  private void assertRejected(QuarantineReason reason, String detail, RawLine line) {
    Rejection rejection = assertThrows(Rejection.class, () -> decoder.decode(line));
    assertEquals(reason + ": " + detail, rejection.reason() + ": " + rejection.detail());
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ---- valid lines -----------------------------------------------------------------------------------

  @Test
  void validLineGivesTheCuratedEventWithItsSourcePosition() throws Exception {
    String json = "{\"event_id\":\"evt-001\",\"event_type\":\"purchase\",\"event_time\":1795176307123,"
        + "\"anonymous_id\":\"anon-9\",\"user_id\":\"\",\"product_id\":\"p-42\",\"quantity\":2,\"price\":19.9,"
        + "\"currency\":\"EUR\",\"order_id\":\"o-1001\",\"country\":null,\"page_url\":\"\",\"extra\":[1],\"n\":null}";
    byte[] file = concat(utf8("\uFEFF\n\r\n"), utf8(json), utf8("\r\n"));
    LineScanner scanner = new LineScanner(new ByteArrayInputStream(file), FILE, 1 << 20, StreamBreaks.NONE);
    RawLine line = new RawLine();
    assertTrue(scanner.next(line));
    assertTrue(RawEventDecoder.isSkipped(line));
    assertTrue(scanner.next(line));
    assertTrue(RawEventDecoder.isSkipped(line));
    assertTrue(scanner.next(line));
    assertFalse(RawEventDecoder.isSkipped(line));

    Event event = decoder.decode(line);

    assertEquals("evt-001", event.getEventId());
    assertEquals(EventType.purchase, event.getEventType());
    assertEquals(Instant.parse("2026-11-20T12:05:07.123Z"), event.getEventTime());
    assertEquals("anon-9", event.getAnonymousId());
    assertEquals(null, event.getUserId());
    assertEquals("p-42", event.getProductId());
    assertEquals(2, event.getQuantity());
    assertEquals(new BigDecimal("19.90"), event.getPrice());
    assertEquals("EUR", event.getCurrency());
    assertEquals("o-1001", event.getOrderId());
    assertEquals(null, event.getCountry());
    assertEquals("", event.getPageUrl());
    assertEquals(null, event.getReferrer());
    assertEquals(null, event.getUserAgent());
    assertEquals(null, event.getIp());
    assertEquals(null, event.getSearchQuery());
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("extra", "[1]");
    attributes.put("n", null);
    assertEquals(attributes, event.getAttributes());
    assertEquals(D, event.getArrivalDate());
    assertEquals(FILE, event.getSourceFile());
    assertEquals(6, event.getSourceOffset());
    assertEquals(3, event.getSourceLine());
  }

  @Test
  void curatedEventWritesToAvroAndReadsBackEqual() throws Exception {
    RawLine line = one(EventLines.purchase().raw("price", "9999999999999999.99").str("country", "DE")
        .raw("attr", "{\"k\":\"v\"}").nul("none").json());
    Event event = decoder.decode(line);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new SpecificDatumWriter<>(Event.class).write(event, encoder);
    encoder.flush();
    BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null);
    Event back = new SpecificDatumReader<>(Event.class).read(null, in);
    assertEquals(event, back);
    assertEquals(new BigDecimal("9999999999999999.99"), back.getPrice());
    assertEquals("{\"k\":\"v\"}", back.getAttributes().get("attr"));
    assertTrue(back.getAttributes().containsKey("none"));
    assertEquals(null, back.getAttributes().get("none"));
  }

  @Test
  void lineExactlyAtTheLimitIsDecoded() throws Exception {
    String json = EventLines.pageView().json();
    byte[] bytes = utf8(json + "\r\n");
    RawLine line = one(bytes, json.length());
    assertEquals(RawLine.Kind.LINE, line.kind());
    assertEquals("e-1", decoder.decode(line).getEventId());
  }

  // ---- skipped lines ---------------------------------------------------------------------------------

  @Test
  void onlyEmptyWholeLinesAreSkipped() throws Exception {
    assertTrue(RawEventDecoder.isSkipped(one("\n")));
    assertTrue(RawEventDecoder.isSkipped(one("\r\n")));
    assertFalse(RawEventDecoder.isSkipped(one(" \n")));
    assertFalse(RawEventDecoder.isSkipped(one("\t")));
    assertFalse(RawEventDecoder.isSkipped(one("\r\r\n")));
  }

  @Test
  void whitespaceOnlyLineIsMalformedJson() throws Exception {
    assertRejected(QuarantineReason.MALFORMED_JSON, "no JSON value", one(" \t \n"));
  }

  @Test
  void emptyTruncatedLineIsNotSkippedButQuarantined() throws Exception {
    InputStream broken = new SequenceInputStream(new ByteArrayInputStream(utf8("{}\n")), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new EOFException("Unexpected end of input stream");
      }
    });
    LineScanner scanner = new LineScanner(broken, FILE, 1 << 20, e -> e instanceof EOFException);
    RawLine line = new RawLine();
    assertTrue(scanner.next(line));
    assertTrue(scanner.next(line));
    assertEquals(RawLine.Kind.TRUNCATED, line.kind());
    assertEquals(0, line.length());
    assertFalse(RawEventDecoder.isSkipped(line));
    assertRejected(QuarantineReason.TRUNCATED_INPUT, "compressed stream ends early at decompressed offset 3 (line 2): "
        + "Unexpected end of input stream; this record stands for the rest of the file", line);
  }

  // ---- reasons in the contract's order ---------------------------------------------------------------

  @Test
  void truncatedLineIsTruncatedInputWhateverItHolds() throws Exception {
    InputStream broken = new SequenceInputStream(new ByteArrayInputStream(concat(utf8("ok\n{\"a\""), new byte[] {(byte) 0xFF})),
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new EOFException("cut");
          }
        });
    LineScanner scanner = new LineScanner(broken, FILE, 2, e -> true);
    RawLine line = new RawLine();
    assertTrue(scanner.next(line));
    assertEquals("ok", line.text());
    assertTrue(scanner.next(line));
    assertEquals(RawLine.Kind.TRUNCATED, line.kind());
    assertRejected(QuarantineReason.TRUNCATED_INPUT,
        "compressed stream ends early at decompressed offset 3 (line 2): cut; this record stands for the rest of the file",
        line);
  }

  @Test
  void invalidEncodingNamesTheFirstBadByte() throws Exception {
    assertRejected(QuarantineReason.INVALID_ENCODING, "not UTF-8: bad byte at offset 9 of the line",
        one(concat(utf8("{\"a\":\"xé"), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\"}\n")), 1 << 20));
  }

  @Test
  void encodingBeatsSize() throws Exception {
    byte[] bytes = concat(utf8("x".repeat(50)), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\n"));
    RawLine line = one(bytes, 10);
    assertEquals(RawLine.Kind.TOO_LARGE, line.kind());
    assertRejected(QuarantineReason.INVALID_ENCODING, "not UTF-8: bad byte at offset 51 of the line", line);
  }

  @Test
  void sizeBeatsJsonAndCountsBytesWithoutTheTerminator() throws Exception {
    assertRejected(QuarantineReason.RECORD_TOO_LARGE, "line is 11 bytes, over the limit",
        one(utf8("not json!!!\r\n"), 10));
    String json = EventLines.pageView().json();
    assertRejected(QuarantineReason.RECORD_TOO_LARGE, "line is " + (json.length() + 2) + " bytes, over the limit",
        one(utf8(json + "é\r\n"), json.length() + 1));
  }

  @Test
  void malformedJsonBeatsFieldRules() throws Exception {
    assertRejected(QuarantineReason.MALFORMED_JSON, "Duplicate field 'event_id' at column 26",
        one("{\"event_id\":\"\",\"event_id\":\"\"}"));
    assertRejected(QuarantineReason.MALFORMED_JSON, "not a JSON object: a top-level array", one("[{\"event_id\":1}]"));
  }

  @Test
  void fieldRulesComeLast() throws Exception {
    assertRejected(QuarantineReason.MISSING_FIELD, "event_id is absent", one("{}"));
    assertRejected(QuarantineReason.INVALID_VALUE, "quantity 0 is outside 1..10000",
        one(EventLines.pageView().raw("quantity", "0").json()));
    assertRejected(QuarantineReason.LATE,
        "event date 2026-11-18 is more than 1 day(s) before arrival date 2026-11-20",
        one(EventLines.pageView().str("event_time", "2026-11-18T23:59:59.999Z").json()));
    assertRejected(QuarantineReason.FUTURE, "event date 2026-11-21 is after arrival date 2026-11-20",
        one(EventLines.pageView().str("event_time", "2026-11-21T00:00:00Z").json()));
  }

  @Test
  void unicodeLineSeparatorsInsideStringsAreText() throws Exception {
    Event event = decoder.decode(one(EventLines.pageView().str("search_query", "a\u2028b\u2029c").json() + "\n"));
    assertEquals("a\u2028b\u2029c", event.getSearchQuery());
  }
}
