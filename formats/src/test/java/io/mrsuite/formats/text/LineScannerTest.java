package io.mrsuite.formats.text;

import static io.mrsuite.formats.text.ScannedLine.line;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineScannerTest {
  private static final String FILE = "f.jsonl";
  private static final int BIG = 1 << 20;

  // ---- helpers ---------------------------------------------------------------------------------------

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Text with {@code \xNN} escapes for raw bytes, everything else as UTF-8. */
  static byte[] hex(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\x", i)) {
        out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.writeBytes(String.valueOf(text.charAt(i)).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  static List<ScannedLine> scan(InputStream in, int max, StreamBreaks breaks) throws IOException {
    LineScanner scanner = new LineScanner(in, FILE, max, breaks);
    RawLine line = new RawLine();
    List<ScannedLine> lines = new ArrayList<>();
    while (scanner.next(line)) {
      lines.add(ScannedLine.of(line));
    }
    assertFalse(scanner.next(line), "stays at the end");
    return lines;
  }

  static List<ScannedLine> scan(byte[] data, int max) throws IOException {
    return scan(new ByteArrayInputStream(data), max, StreamBreaks.NONE);
  }

  static List<ScannedLine> scan(byte[] data) throws IOException {
    return scan(data, BIG);
  }

  static ScannedLine only(List<ScannedLine> lines) {
    assertEquals(1, lines.size(), lines::toString);
    return lines.get(0);
  }

  static ScannedLine tooLarge(long number, long offset, byte[] prefix, long fullLength, long firstInvalid) {
    return new ScannedLine(FILE, number, offset, prefix, fullLength, firstInvalid, RawLine.Kind.TOO_LARGE, "");
  }

  static ScannedLine bad(long number, long offset, byte[] content, long firstInvalid) {
    return new ScannedLine(FILE, number, offset, content, content.length, firstInvalid, RawLine.Kind.LINE, "");
  }

  /** Returns at most {@code chunk} bytes per read, so every buffer edge is crossed. */
  static InputStream trickle(byte[] data, int chunk) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < data.length ? data[pos++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos == data.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, chunk), data.length - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  /** Delivers {@code data} and then fails with {@code failure}. */
  static InputStream failingAfter(byte[] data, IOException failure) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() throws IOException {
        if (pos == data.length) {
          throw failure;
        }
        return data[pos++] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos == data.length) {
          throw failure;
        }
        int n = Math.min(len, data.length - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  // ---- terminators and offsets -----------------------------------------------------------------------

  @Test
  void linesEndAtLineFeedWithExactOffsetsAndNumbers() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "a"), line(FILE, 2, 2, "bb"), line(FILE, 3, 5, "ccc")),
        scan(bytes("a\nbb\nccc\n")));
  }

  @Test
  void carriageReturnBeforeLineFeedBelongsToTheTerminator() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "a"), line(FILE, 2, 3, "bb"), line(FILE, 3, 7, "c")),
        scan(bytes("a\r\nbb\r\nc\n")));
  }

  @Test
  void loneCarriageReturnIsText() throws IOException {
    // "c\r\r\n": only the \r right before \n is part of the terminator.
    assertEquals(List.of(line(FILE, 1, 0, "a\rb"), line(FILE, 2, 4, "c\r"), line(FILE, 3, 8, "\rd")),
        scan(bytes("a\rb\nc\r\r\n\rd\n")));
  }

  @Test
  void carriageReturnAtEndOfFileWithoutLineFeedIsText() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "a"), line(FILE, 2, 2, "b\r")), scan(bytes("a\nb\r")));
  }

  @Test
  void lastLineNeedsNoTerminator() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "a"), line(FILE, 2, 2, "bcd")), scan(bytes("a\nbcd")));
  }

  @Test
  void finalLineFeedDoesNotMakeAnExtraLine() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "a"), line(FILE, 2, 2, "b")), scan(bytes("a\nb\n")));
  }

  @Test
  void emptyLinesAreLinesOfLengthZero() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, ""), line(FILE, 2, 1, ""), line(FILE, 3, 3, ""), line(FILE, 4, 4, "x"),
        line(FILE, 5, 6, "")), scan(bytes("\n\r\n\nx\n\n")));
  }

  @Test
  void emptyStreamHasNoLines() throws IOException {
    assertEquals(List.of(), scan(new byte[0]));
  }

  @Test
  void unicodeLineSeparatorsAreOrdinaryText() throws IOException {
    String text = "{\"q\":\"a\u2028b\u2029c\u0085d\"}";
    assertEquals(List.of(line(FILE, 1, 0, text)), scan(bytes(text + "\n")));
  }

  @Test
  void positionCountsEveryConsumedByte() throws IOException {
    LineScanner scanner = new LineScanner(new ByteArrayInputStream(bytes("ab\r\ncd")), FILE, BIG, StreamBreaks.NONE);
    RawLine line = new RawLine();
    assertEquals(0, scanner.position());
    assertTrue(scanner.next(line));
    assertEquals(4, scanner.position());
    assertTrue(scanner.next(line));
    assertEquals(6, scanner.position());
    assertFalse(scanner.next(line));
    assertEquals(6, scanner.position());
  }

  // ---- byte-order mark -------------------------------------------------------------------------------

  @Test
  void byteOrderMarkAtStartIsSkippedAndFirstOffsetIs3() throws IOException {
    assertEquals(List.of(line(FILE, 1, 3, "ab"), line(FILE, 2, 6, "cd")), scan(hex("\\xEF\\xBB\\xBFab\ncd")));
  }

  @Test
  void byteOrderMarkNotAtStartIsKept() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "ab"), line(FILE, 2, 3, "\uFEFFcd")), scan(hex("ab\n\\xEF\\xBB\\xBFcd\n")));
  }

  @Test
  void onlyTheFirstOfTwoByteOrderMarksIsSkipped() throws IOException {
    assertEquals(List.of(line(FILE, 1, 3, "\uFEFFx")), scan(hex("\\xEF\\xBB\\xBF\\xEF\\xBB\\xBFx\n")));
  }

  @Test
  void byteOrderMarkInsideTheFirstLineIsKept() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "a\uFEFF")), scan(hex("a\\xEF\\xBB\\xBF\n")));
  }

  @Test
  void byteOrderMarkAloneIsNoLineAndWithTerminatorAnEmptyLineAtOffset3() throws IOException {
    assertEquals(List.of(), scan(hex("\\xEF\\xBB\\xBF")));
    assertEquals(List.of(line(FILE, 1, 3, ""), line(FILE, 2, 4, "x")), scan(hex("\\xEF\\xBB\\xBF\nx")));
  }

  @Test
  void incompleteByteOrderMarkIsInvalidUtf8OfTheLine() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("\\xEF\\xBBx"), 2)), scan(hex("\\xEF\\xBBx\n")));
  }

  @Test
  void byteOrderMarkIsSkippedEvenWithALimitShorterThanIt() throws IOException {
    assertEquals(List.of(line(FILE, 1, 3, "a"), line(FILE, 2, 5, "")), scan(hex("\\xEF\\xBB\\xBFa\n\n"), 1));
    assertEquals(List.of(line(FILE, 1, 3, "")), scan(hex("\\xEF\\xBB\\xBF\n"), 1));
  }

  @Test
  void byteOrderMarkIsFoundWhenItArrivesOneByteAtATime() throws IOException {
    assertEquals(List.of(line(FILE, 1, 3, "ab"), line(FILE, 2, 6, "c")),
        scan(trickle(hex("\\xEF\\xBB\\xBFab\nc"), 1), BIG, StreamBreaks.NONE));
  }

  // ---- size limit ------------------------------------------------------------------------------------

  @Test
  void lineExactlyAtTheLimitIsALine() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "12345"), line(FILE, 2, 6, "x")), scan(bytes("12345\nx\n"), 5));
  }

  @Test
  void lineOneByteOverTheLimitIsTooLargeHoldingLimitPlusOneBytes() throws IOException {
    assertEquals(List.of(tooLarge(1, 0, bytes("123456"), 6, -1), line(FILE, 2, 7, "x")),
        scan(bytes("123456\nx\n"), 5));
  }

  @Test
  void carriageReturnOfTheTerminatorDoesNotCountTowardTheLimit() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "12345"), tooLarge(2, 7, bytes("abcdef"), 6, -1), line(FILE, 3, 15, "x")),
        scan(bytes("12345\r\nabcdef\r\nx"), 5));
  }

  @Test
  void loneCarriageReturnAtEndOfFileCountsTowardTheLimit() throws IOException {
    assertEquals(List.of(tooLarge(1, 0, bytes("12345\r"), 6, -1)), scan(bytes("12345\r"), 5));
  }

  @Test
  void lastLineWithoutTerminatorIsMeasuredToo() throws IOException {
    assertEquals(List.of(line(FILE, 1, 0, "12345")), scan(bytes("12345"), 5));
    assertEquals(List.of(tooLarge(1, 0, bytes("123456"), 7, -1)), scan(bytes("1234567"), 5));
  }

  @Test
  void lineFarOverTheLimitKeepsMemoryBoundedAndTheNextLineIsRead() throws IOException {
    int max = 100_000;
    int huge = 5_000_000;
    byte[] data = new byte[huge + 9];
    Arrays.fill(data, 0, huge, (byte) 'x');
    System.arraycopy(bytes("\r\nnext\r\n\n"), 0, data, huge, 9);
    LineScanner scanner = new LineScanner(new ByteArrayInputStream(data), FILE, max, StreamBreaks.NONE);
    RawLine line = new RawLine();

    assertTrue(scanner.next(line));
    assertEquals(RawLine.Kind.TOO_LARGE, line.kind());
    assertEquals(huge, line.fullLength());
    assertEquals(max + 1, line.length());
    assertTrue(line.bytes().length <= max + 1, "held buffer " + line.bytes().length);
    assertEquals(1, line.lineNumber());
    assertEquals(0, line.offset());
    assertTrue(line.isValidUtf8());

    assertTrue(scanner.next(line));
    assertEquals(line(FILE, 2, huge + 2, "next"), ScannedLine.of(line));
    assertTrue(scanner.next(line));
    assertEquals(line(FILE, 3, huge + 8, ""), ScannedLine.of(line));
    assertFalse(scanner.next(line));
  }

  @Test
  void heldBufferNeverGrowsPastLimitPlusOne() throws IOException {
    int max = 3000;
    byte[] data = new byte[20_000];
    Arrays.fill(data, (byte) 'y');
    LineScanner scanner = new LineScanner(new ByteArrayInputStream(data), FILE, max, StreamBreaks.NONE);
    RawLine line = new RawLine();
    assertTrue(scanner.next(line));
    assertEquals(RawLine.Kind.TOO_LARGE, line.kind());
    assertEquals(max + 1, line.bytes().length);
    assertEquals(max + 1, line.length());
    assertEquals(20_000, line.fullLength());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MAX_VALUE})
  void limitOutsideOneToMaxIntMinusOneIsRefused(int max) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LineScanner(InputStream.nullInputStream(), FILE, max, StreamBreaks.NONE));
    assertEquals("maxLineBytes must be in 1.." + (Integer.MAX_VALUE - 1) + ": " + max, e.getMessage());
  }

  // ---- UTF-8 -----------------------------------------------------------------------------------------

  @Test
  void validMultiByteCharactersIncludingFourByteEmojiAreAccepted() throws IOException {
    String text = "é€😀\uD800\uDC00\uDBFF\uDFFF\u07FF\u0800\uFFFF";
    assertEquals(List.of(line(FILE, 1, 0, text), line(FILE, 2, bytes(text).length + 1, "ok")),
        scan(bytes(text + "\nok")));
    assertEquals(List.of(line(FILE, 1, 0, "😀")), scan(hex("\\xF0\\x9F\\x98\\x80")));
  }

  @Test
  void overlongTwoByteFormIsInvalidAtItsLeadByte() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("a\\xC0\\xAFb"), 1)), scan(hex("a\\xC0\\xAFb\n")));
    assertEquals(List.of(bad(1, 0, hex("\\xC1\\xBF"), 0)), scan(hex("\\xC1\\xBF")));
  }

  @Test
  void overlongThreeAndFourByteFormsAreInvalidAtTheirSecondByte() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("ab\\xE0\\x80\\xAF"), 3)), scan(hex("ab\\xE0\\x80\\xAF\n")));
    assertEquals(List.of(bad(1, 0, hex("\\xF0\\x8F\\xBF\\xBF"), 1)), scan(hex("\\xF0\\x8F\\xBF\\xBF\n")));
  }

  @Test
  void encodedSurrogateIsInvalidAtItsSecondByte() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("ab\\xED\\xA0\\x80"), 3)), scan(hex("ab\\xED\\xA0\\x80\n")));
    // ED 9F BF is U+D7FF, the last code point before the surrogates.
    assertEquals(List.of(line(FILE, 1, 0, "\uD7FF")), scan(hex("\\xED\\x9F\\xBF\n")));
  }

  @Test
  void bytesThatNeverStartUtf8AreInvalid() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("x\\xF5\\x80\\x80\\x80"), 1)), scan(hex("x\\xF5\\x80\\x80\\x80\n")));
    assertEquals(List.of(bad(1, 0, hex("\\xFF"), 0), bad(2, 2, hex("ab\\xFE"), 2)), scan(hex("\\xFF\nab\\xFE\n")));
    assertEquals(List.of(bad(1, 0, hex("ab\\x80"), 2)), scan(hex("ab\\x80\n")));
  }

  @Test
  void codePointAboveU10FFFFIsInvalid() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("\\xF4\\x90\\x80\\x80"), 1)), scan(hex("\\xF4\\x90\\x80\\x80\n")));
    assertEquals(List.of(line(FILE, 1, 0, "\uDBFF\uDFFF")), scan(hex("\\xF4\\x8F\\xBF\\xBF\n")));
  }

  @Test
  void multiByteSequenceCutByTheEndOfTheLineIsInvalidAtTheLineEnd() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("ab\\xE2\\x82"), 4), line(FILE, 2, 5, "ok")), scan(hex("ab\\xE2\\x82\nok")));
  }

  @Test
  void multiByteSequenceCutByTheEndOfTheFileIsInvalidAtTheEnd() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("ab\\xF0\\x9F\\x98"), 5)), scan(hex("ab\\xF0\\x9F\\x98")));
  }

  @Test
  void multiByteSequenceCutRightBeforeCrLfIsInvalidAtTheContentEnd() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("ab\\xE2\\x82"), 4), line(FILE, 2, 6, "ok")),
        scan(hex("ab\\xE2\\x82\r\nok")));
  }

  @Test
  void multiByteSequenceCutByALoneCarriageReturnIsInvalidThere() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("a\\xC3\rb"), 2)), scan(hex("a\\xC3\rb\n")));
  }

  @Test
  void onlyTheFirstInvalidByteIsReportedAndTheNextLineStartsClean() throws IOException {
    assertEquals(List.of(bad(1, 0, hex("a\\xFFb\\xC0"), 1), line(FILE, 2, 5, "é")), scan(hex("a\\xFFb\\xC0\né\n")));
    // The validator restarts at each line: a sequence cut at a line end does not swallow the next line.
    assertEquals(List.of(bad(1, 0, hex("\\xE2"), 1), line(FILE, 2, 2, "\u20AC")), scan(hex("\\xE2\n\\xE2\\x82\\xAC\n")));
  }

  @Test
  void invalidByteBeyondTheHeldPrefixOfATooLargeLineIsStillFound() throws IOException {
    assertEquals(List.of(tooLarge(1, 0, bytes("abcde"), 8, 7)), scan(hex("abcdefg\\xFF\n"), 4));
  }

  // ---- the 64 KiB read buffer ------------------------------------------------------------------------

  @Test
  void linesCrossingTheReadBufferBoundaryAreExact() throws IOException {
    int boundary = 64 * 1024;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ScannedLine> expected = new ArrayList<>();
    long number = 0;
    // 1: a CRLF split across the boundary (\r is the last byte of the first buffer).
    String first = "a".repeat(boundary - 1);
    expected.add(line(FILE, ++number, out.size(), first));
    out.writeBytes(bytes(first + "\r\n"));
    // 2: a 4-byte character straddling the second boundary.
    int toNext = 2 * boundary - out.size();
    String second = "b".repeat(toNext - 2) + "😀" + "c";
    expected.add(line(FILE, ++number, out.size(), second));
    out.writeBytes(bytes(second + "\n"));
    // 3: a line feed as the first byte of the fourth buffer, after a line longer than a whole buffer.
    String third = "d".repeat(4 * boundary - out.size());
    expected.add(line(FILE, ++number, out.size(), third));
    out.writeBytes(bytes(third + "\n"));
    // 4: many short lines of every length, some of them empty.
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      String text = "é".repeat(random.nextInt(20)) + (i % 7 == 0 ? "" : "x" + i);
      expected.add(line(FILE, ++number, out.size(), text));
      out.writeBytes(bytes(text + (i % 3 == 0 ? "\r\n" : "\n")));
    }
    byte[] data = out.toByteArray();
    assertEquals('\r', data[boundary - 1]);
    assertEquals('\n', data[boundary]);
    assertEquals('\n', data[4 * boundary]);

    assertEquals(expected, scan(data));
    assertEquals(expected, scan(trickle(data, 1), BIG, StreamBreaks.NONE));
    assertEquals(expected, scan(trickle(data, 4093), BIG, StreamBreaks.NONE));
  }

  /**
   * Random streams of ASCII runs, line feeds, carriage returns, valid and broken multi-byte characters and byte
   * order marks, under random limits and read sizes, give exactly the lines the contract's rules give: split at
   * line feeds, one carriage return before one dropped, a leading BOM skipped, the first bad byte found.
   */
  @Test
  void randomStreamsGiveTheLinesTheRulesGive() throws IOException {
    Random random = new Random(20261204);
    byte[][] pieces = {bytes("abc"), bytes("x".repeat(300)), bytes("\n"), bytes("\r"), bytes("\r\n"), bytes("é"),
        bytes("€"), bytes("😀"), hex("\\xC3"), hex("\\xFF"), hex("\\xE2\\x82"), hex("\\xEF\\xBB\\xBF"), bytes("{\"k\":1}")};
    for (int round = 0; round < 300; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int count = random.nextInt(400);
      for (int i = 0; i < count; i++) {
        out.writeBytes(pieces[random.nextInt(pieces.length)]);
      }
      byte[] data = out.toByteArray();
      int max = random.nextBoolean() ? BIG : 1 + random.nextInt(40);
      List<ScannedLine> expected = linesByTheRules(data, max);
      assertEquals(expected, scan(data, max), "round " + round);
      assertEquals(expected, scan(trickle(data, 1 + random.nextInt(7)), max, StreamBreaks.NONE), "round " + round);
    }
  }

  private static List<ScannedLine> linesByTheRules(byte[] data, int max) {
    List<ScannedLine> lines = new ArrayList<>();
    int start = data.length >= 3 && data[0] == (byte) 0xEF && data[1] == (byte) 0xBB && data[2] == (byte) 0xBF ? 3 : 0;
    long number = 0;
    while (start < data.length) {
      int feed = start;
      while (feed < data.length && data[feed] != '\n') {
        feed++;
      }
      int end = feed < data.length && feed > start && data[feed - 1] == '\r' ? feed - 1 : feed;
      byte[] content = Arrays.copyOfRange(data, start, end);
      Utf8Validator utf8 = new Utf8Validator();
      long firstInvalid = -1;
      for (int i = 0; i < content.length && firstInvalid < 0; i++) {
        if (!utf8.accept(content[i])) {
          firstInvalid = i;
        }
      }
      if (firstInvalid < 0 && !utf8.atBoundary()) {
        firstInvalid = content.length;
      }
      boolean tooLarge = content.length > max;
      byte[] held = tooLarge ? Arrays.copyOf(content, max + 1) : content;
      lines.add(new ScannedLine(FILE, ++number, start, held, content.length, firstInvalid,
          tooLarge ? RawLine.Kind.TOO_LARGE : RawLine.Kind.LINE, ""));
      start = feed + 1;
    }
    return lines;
  }

  @Test
  void invalidByteOffsetIsRelativeToTheLineAcrossBufferBoundaries() throws IOException {
    int boundary = 64 * 1024;
    byte[] data = new byte[boundary + 100];
    Arrays.fill(data, (byte) 'z');
    data[10] = '\n';
    data[boundary + 5] = (byte) 0xC0;
    List<ScannedLine> lines = scan(data);
    assertEquals(2, lines.size());
    assertEquals(line(FILE, 1, 0, "z".repeat(10)), lines.get(0));
    assertEquals(11, lines.get(1).offset());
    assertEquals(boundary + 5 - 11, lines.get(1).firstInvalidUtf8());
    assertEquals(boundary + 100 - 11, lines.get(1).fullLength());
  }

  // ---- stream breaks ---------------------------------------------------------------------------------

  @Test
  void breakYieldsTheCompleteLinesThenOneTruncatedLineForTheRest() throws IOException {
    List<ScannedLine> lines = scan(failingAfter(bytes("l1\r\nl2\npart"), new EOFException("boom")), BIG, e -> true);
    assertEquals(List.of(line(FILE, 1, 0, "l1"), line(FILE, 2, 4, "l2"),
        new ScannedLine(FILE, 3, 7, bytes("part"), 4, -1, RawLine.Kind.TRUNCATED, "boom")), lines);
  }

  @Test
  void breakRightAfterALineFeedYieldsAnEmptyTruncatedLine() throws IOException {
    List<ScannedLine> lines = scan(failingAfter(bytes("l1\n"), new EOFException("cut")), BIG, e -> true);
    assertEquals(List.of(line(FILE, 1, 0, "l1"),
        new ScannedLine(FILE, 2, 3, new byte[0], 0, -1, RawLine.Kind.TRUNCATED, "cut")), lines);
  }

  @Test
  void breakBeforeAnyByteIsTruncatedAtOffsetZero() throws IOException {
    List<ScannedLine> lines = scan(failingAfter(new byte[0], new IOException((String) null)), BIG, e -> true);
    assertEquals(List.of(new ScannedLine(FILE, 1, 0, new byte[0], 0, -1, RawLine.Kind.TRUNCATED, "null")), lines);
  }

  @Test
  void truncatedLineOverTheLimitHoldsABoundedPrefix() throws IOException {
    List<ScannedLine> lines = scan(failingAfter(bytes("ok\n0123456789"), new EOFException("x")), 4, e -> true);
    assertEquals(List.of(line(FILE, 1, 0, "ok"),
        new ScannedLine(FILE, 2, 3, bytes("01234"), 10, -1, RawLine.Kind.TRUNCATED, "x")), lines);
  }

  @Test
  void errorThatIsNotABreakPropagatesNamingFileAndOffset() throws IOException {
    IOException failure = new IOException("disk gone");
    LineScanner scanner = new LineScanner(failingAfter(bytes("l1\nl2"), failure), FILE, BIG, StreamBreaks.NONE);
    RawLine line = new RawLine();
    assertTrue(scanner.next(line));
    assertEquals("l1", line.text());
    IOException e = assertThrows(IOException.class, () -> scanner.next(line));
    assertEquals(FILE + ": read failed at decompressed offset 5: java.io.IOException: disk gone", e.getMessage());
    assertTrue(e.getCause() == failure);
  }

  @Test
  void rawLineSurvivesAWritableRoundTrip() throws IOException {
    List<RawLine> originals = new ArrayList<>();
    LineScanner scanner = new LineScanner(failingAfter(hex("\\xEF\\xBB\\xBFok\r\n123456789\nb\\xFF\nrest"),
        new EOFException("cut")), FILE, 5, e -> true);
    for (RawLine line = new RawLine(); scanner.next(line); line = new RawLine()) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      line.write(new java.io.DataOutputStream(bytes));
      RawLine copy = new RawLine();
      copy.readFields(new java.io.DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      assertEquals(ScannedLine.of(line), ScannedLine.of(copy));
      originals.add(copy);
    }
    assertEquals(List.of(line(FILE, 1, 3, "ok"), tooLarge(2, 7, bytes("123456"), 9, -1),
        bad(3, 17, hex("b\\xFF"), 1),
        new ScannedLine(FILE, 4, 20, bytes("rest"), 4, -1, RawLine.Kind.TRUNCATED, "cut")),
        originals.stream().map(ScannedLine::of).toList());
  }

  @Test
  void rawLineTextDecodesTheHeldBytes() throws IOException {
    LineScanner scanner = new LineScanner(new ByteArrayInputStream(hex("h\\xC3\\xA9llo\n")), FILE, BIG,
        StreamBreaks.NONE);
    RawLine line = new RawLine();
    assertTrue(scanner.next(line));
    assertEquals("héllo", line.text());
    assertEquals(6, line.length());
    assertArrayEquals(hex("h\\xC3\\xA9llo"), Arrays.copyOf(line.bytes(), line.length()));
    assertTrue(line.isValidUtf8());
    assertEquals("", line.breakDetail());
    assertEquals(FILE, line.sourceFile());
  }
}
