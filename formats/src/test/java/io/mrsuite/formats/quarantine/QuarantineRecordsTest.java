package io.mrsuite.formats.quarantine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mrsuite.formats.avro.QuarantineRecord;
import io.mrsuite.formats.text.LineScanner;
import io.mrsuite.formats.text.RawLine;
import io.mrsuite.formats.text.StreamBreaks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuarantineRecordsTest {
  private static final int CUT = QuarantineRecords.MAX_RAW_BYTES;

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String rawText(byte[] bytes) {
    return QuarantineRecords.rawText(bytes, bytes.length);
  }

  /** {@code before} ASCII bytes, then {@code ch}, then ASCII filling up past the cut. */
  private static byte[] withCharAt(int before, String ch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("a".repeat(before)));
    out.writeBytes(utf8(ch));
    out.writeBytes(utf8("b".repeat(Math.max(0, CUT + 10 - out.size()))));
    return out.toByteArray();
  }

  private static RawLine scanOne(byte[] bytes, int max) throws IOException {
    LineScanner scanner = new LineScanner(new ByteArrayInputStream(bytes), "f", max, StreamBreaks.NONE);
    RawLine line = new RawLine();
    assertTrue(scanner.next(line));
    return line;
  }

  @Test
  void cutIs64KiB() {
    assertEquals(65536, CUT);
  }

  @Test
  void shortTextIsKeptWhole() {
    assertEquals("{\"a\":\"é😀\"}", rawText(utf8("{\"a\":\"é😀\"}")));
    assertEquals("", rawText(new byte[0]));
  }

  @Test
  void onlyTheFirstLengthBytesCount() {
    assertEquals("abc", QuarantineRecords.rawText(utf8("abcdef"), 3));
  }

  @Test
  void asciiIsCutAtExactly64KiB() {
    byte[] bytes = utf8("x".repeat(CUT + 1000));
    assertEquals("x".repeat(CUT), rawText(bytes));
    assertEquals("x".repeat(CUT), rawText(utf8("x".repeat(CUT))));
  }

  @Test
  void textOfExactly64KiBEndingInAMultiByteCharacterIsKeptWhole() {
    String text = "a".repeat(CUT - 4) + "😀";
    assertEquals(CUT, utf8(text).length);
    assertEquals(text, rawText(utf8(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"é", "€", "😀", "\uD800\uDC00", "\uDBFF\uDFFF", "\u0800", "\u07FF"})
  void cutNeverSplitsAMultiByteCharacter(String ch) {
    int width = utf8(ch).length;
    for (int start = CUT - width - 2; start <= CUT + 1; start++) {
      byte[] bytes = withCharAt(start, ch);
      String text = rawText(bytes);
      byte[] kept = utf8(text);
      String where = ch + " at " + start;
      assertTrue(kept.length <= CUT, where);
      assertTrue(Arrays.equals(kept, Arrays.copyOf(bytes, kept.length)), "a prefix of the bytes: " + where);
      assertTrue(text.indexOf('\uFFFD') < 0, "no replacement character: " + where);
      boolean fits = start + width <= CUT;
      // Cut before the character when it does not fit whole, never more.
      assertEquals(fits ? CUT : Math.min(start, CUT), kept.length, where);
    }
  }

  @Test
  void invalidBytesBecomeReplacementCharacters() {
    assertEquals("a\uFFFDb", rawText(new byte[] {'a', (byte) 0xFF, 'b'}));
    assertEquals("a\uFFFD", rawText(new byte[] {'a', (byte) 0xC3}));
  }

  @Test
  void invalidContinuationBytesAtTheCutAreDroppedAtMostThree() {
    byte[] bytes = utf8("a".repeat(CUT + 10));
    for (int i = CUT - 5; i < CUT + 5; i++) {
      bytes[i] = (byte) 0x80;
    }
    String text = rawText(bytes);
    // Three continuation bytes before the cut are dropped; the two before them stay as U+FFFD each.
    assertEquals("a".repeat(CUT - 5) + "\uFFFD\uFFFD", text);
  }

  @Test
  void recordCarriesEverythingAboutTheLine() throws IOException {
    byte[] file = utf8("\uFEFF{\"a\":1}\r\n");
    RawLine line = scanOne(file, 1 << 20);
    QuarantineRecord record =
        QuarantineRecords.of("events", line, new Rejection(QuarantineReason.MISSING_FIELD, "event_id is absent"));
    assertEquals("events", record.getDataset());
    assertEquals("f", record.getSourceFile());
    assertEquals(1, record.getLineNumber());
    assertEquals(3, record.getByteOffset());
    assertEquals("{\"a\":1}", record.getRawText());
    assertEquals(7, record.getRawLength());
    assertEquals("MISSING_FIELD", record.getReason());
    assertEquals("event_id is absent", record.getDetail());
  }

  @Test
  void tooLargeLineIsCutAt64KiBAndKeepsItsFullLength() throws IOException {
    String big = "é".repeat(600_000);
    RawLine line = scanOne(utf8(big + "\n"), 1 << 20);
    assertEquals(RawLine.Kind.TOO_LARGE, line.kind());
    QuarantineRecord record = QuarantineRecords.of("events", line,
        new Rejection(QuarantineReason.RECORD_TOO_LARGE, "line is 1200000 bytes, over the limit"));
    assertEquals("é".repeat(CUT / 2), record.getRawText());
    assertEquals(1_200_000, record.getRawLength());
    assertEquals("RECORD_TOO_LARGE", record.getReason());
  }

  @Test
  void tooLargeLineCutInsideAFourByteCharacterKeepsWholeCharactersOnly() throws IOException {
    String big = "x" + "😀".repeat(300_000);
    RawLine line = scanOne(utf8(big), 1 << 20);
    QuarantineRecord record =
        QuarantineRecords.of("events", line, new Rejection(QuarantineReason.RECORD_TOO_LARGE, "big"));
    // 1 + 4 * 16383 = 65533 bytes fit; the next emoji would end at 65537.
    assertEquals("x" + "😀".repeat(16_383), record.getRawText());
    assertEquals(1_200_001, record.getRawLength());
  }

  @Test
  void invalidEncodingLineKeepsItsTextWithReplacementCharacters() throws IOException {
    RawLine line = scanOne(new byte[] {'{', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '}', '\n'}, 1 << 20);
    QuarantineRecord record = QuarantineRecords.of("events", line,
        new Rejection(QuarantineReason.INVALID_ENCODING, "not UTF-8: bad byte at offset 2 of the line"));
    // The JDK's decoder replaces the encoded surrogate ED A0 80 as one malformed sequence.
    assertEquals("{\uFFFD}", record.getRawText());
    assertEquals(5, record.getRawLength());
  }
}
