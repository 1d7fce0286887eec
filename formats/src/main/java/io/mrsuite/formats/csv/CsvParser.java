package io.mrsuite.formats.csv;

import io.mrsuite.formats.text.Utf8Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses RFC 4180 records from a byte stream.
 *
 * <p>Fields are separated by commas and records by LF or CRLF. A quoted field may hold commas, doubled
 * quotes, CR and LF. Bad input never swallows the rest of the file. These rules also fix where the next
 * record starts, which split boundaries rely on:
 *
 * <ul>
 *   <li>A quote inside an unquoted field or text after a closing quote: the record is malformed and ends
 *       at the end of the physical line holding the error.</li>
 *   <li>A quote that is never closed (the file ends, or the record grows past the size limit): the record
 *       is malformed and ends at its first line break; parsing resumes after it.</li>
 *   <li>A record past the limit with no line break in it ends at the next line break.</li>
 * </ul>
 *
 * <p>An empty line is reported as {@link CsvRecord.Kind#EMPTY}. A record whose field count differs from the
 * expected one is malformed. When the data breaks off (a compressed file that ends early), the record being
 * read and the rest of the file are one {@link CsvRecord.Kind#TRUNCATED} record, and the parser ends.
 */
final class CsvParser {
  private static final int LF = '\n';
  private static final int CR = '\r';
  private static final int QUOTE = '"';
  private static final int COMMA = ',';

  private final ByteCursor cursor;
  private final String sourceFile;
  private final int maxRecordBytes;
  private final boolean endIsTruncation;
  private final Utf8Validator utf8 = new Utf8Validator();
  private int expectedFields;
  private long nextLineNumber;
  private boolean finished;

  private byte[] raw = new byte[4096];
  private int held;
  private long rawLength;
  private int firstLineBreak;
  private boolean validUtf8;
  private byte[] field = new byte[256];
  private int fieldLength;
  private List<String> fields;
  private long start;
  /** The last two bytes appended, so a CR before a closing LF can be left out of the record's content. */
  private int last = -1;
  private int beforeLast = -1;

  /**
   * @param cursor the bytes, positioned where a record (or, with another start state, part of one) starts
   * @param maxRecordBytes the longest record accepted, terminator excluded
   * @param endIsTruncation true when the cursor's end is only the end of a window, not of the file: a
   *     record cut by it is not reported
   * @param firstLineNumber 1-based line number at the cursor's position, or 0 when unknown
   */
  CsvParser(ByteCursor cursor, String sourceFile, int maxRecordBytes, boolean endIsTruncation, long firstLineNumber) {
    this.cursor = cursor;
    this.sourceFile = sourceFile;
    this.maxRecordBytes = maxRecordBytes;
    this.endIsTruncation = endIsTruncation;
    this.nextLineNumber = firstLineNumber;
  }

  /** Records with another field count are malformed; 0 accepts any count. */
  void expectFields(int count) {
    expectedFields = count;
  }

  long position() {
    return cursor.position();
  }

  boolean next(CsvRecord out) throws IOException {
    return next(out, CsvState.FIELD_START);
  }

  /**
   * Reads the next record into {@code out}, starting in {@code state} (FIELD_START unless guessing the
   * state inside a record).
   *
   * @return false at the end of input
   */
  boolean next(CsvRecord out, CsvState state) throws IOException {
    if (finished) {
      return false;
    }
    start = cursor.position();
    long lineNumber = nextLineNumber;
    held = 0;
    rawLength = 0;
    firstLineBreak = -1;
    fieldLength = 0;
    fields = new ArrayList<>();
    validUtf8 = true;
    utf8.reset();
    int b = cursor.read();
    if (b < 0) {
      return cursor.brokenBy() != null && truncated(out, lineNumber);
    }
    while (true) {
      if (b < 0) {
        if (endIsTruncation) {
          return false;
        }
        if (cursor.brokenBy() != null) {
          return truncated(out, lineNumber);
        }
        if (state == CsvState.QUOTED) {
          return breakAtFirstLine(out, lineNumber, "unbalanced quote: the file ends inside a quoted field");
        }
        endField(state == CsvState.UNQUOTED || state == CsvState.FIELD_START);
        return emit(out, lineNumber, 0);
      }
      append(b);
      switch (state) {
        case FIELD_START:
          if (b == QUOTE) {
            state = CsvState.QUOTED;
          } else if (b == COMMA) {
            endField(false);
          } else if (b == LF) {
            endField(true);
            return emit(out, lineNumber, 1);
          } else {
            addToField(b);
            state = CsvState.UNQUOTED;
          }
          break;
        case UNQUOTED:
          if (b == COMMA) {
            endField(false);
            state = CsvState.FIELD_START;
          } else if (b == LF) {
            endField(true);
            return emit(out, lineNumber, 1);
          } else if (b == QUOTE) {
            return malformedToEndOfLine(out, lineNumber, "quote inside an unquoted field");
          } else {
            addToField(b);
          }
          break;
        case QUOTED:
          if (b == QUOTE) {
            state = CsvState.AFTER_QUOTE;
          } else {
            addToField(b);
          }
          break;
        case AFTER_QUOTE:
          if (b == QUOTE) {
            addToField(b);
            state = CsvState.QUOTED;
          } else if (b == COMMA) {
            endField(false);
            state = CsvState.FIELD_START;
          } else if (b == LF) {
            endField(false);
            return emit(out, lineNumber, 1);
          } else if (b == CR) {
            state = CsvState.AFTER_QUOTE_CR;
          } else {
            return malformedToEndOfLine(out, lineNumber, "text after a closing quote");
          }
          break;
        case AFTER_QUOTE_CR:
          if (b == LF) {
            endField(false);
            return emit(out, lineNumber, 2);
          }
          return malformedToEndOfLine(out, lineNumber, "text after a closing quote");
        default:
          throw new IllegalStateException(state.name());
      }
      if (rawLength > maxRecordBytes && !(rawLength == maxRecordBytes + 1L && b == CR)) {
        return state == CsvState.QUOTED || firstLineBreak >= 0
            ? breakAtFirstLine(out, lineNumber, "record longer than " + maxRecordBytes + " bytes")
            : malformedToEndOfLine(out, lineNumber, "record longer than " + maxRecordBytes + " bytes");
      }
      b = cursor.read();
    }
  }

  private void append(int b) {
    beforeLast = last;
    last = b;
    if (b == LF && firstLineBreak < 0) {
      firstLineBreak = (int) Math.min(rawLength, Integer.MAX_VALUE);
    }
    if (validUtf8 && !utf8.accept((byte) b)) {
      validUtf8 = false;
    }
    if (held <= maxRecordBytes + 1) {
      if (held == raw.length) {
        raw = Arrays.copyOf(raw, (int) Math.min(2L * raw.length, maxRecordBytes + 2L));
      }
      raw[held++] = (byte) b;
    }
    rawLength++;
    if (b == LF && nextLineNumber > 0) {
      nextLineNumber++;
    }
  }

  private void addToField(int b) {
    if (fieldLength == field.length) {
      field = Arrays.copyOf(field, 2 * field.length);
    }
    field[fieldLength++] = (byte) b;
  }

  private void endField(boolean stripCarriageReturn) {
    int length = fieldLength;
    if (stripCarriageReturn && length > 0 && field[length - 1] == CR) {
      length--;
    }
    fields.add(new String(field, 0, length, StandardCharsets.UTF_8));
    fieldLength = 0;
  }

  /** A finished record; {@code terminatorBytes} were consumed after its content (0, LF, or CR LF). */
  private boolean emit(CsvRecord out, long lineNumber, int terminatorBytes) {
    long contentLength = rawLength - terminatorBytes;
    if (terminatorBytes == 1 && contentLength > 0 && contentLength <= held && raw[(int) contentLength - 1] == CR) {
      contentLength--;
    }
    int contentHeld = (int) Math.min(held, contentLength);
    if (contentLength == 0) {
      out.set(sourceFile, start, lineNumber, List.of(), CsvRecord.Kind.EMPTY, "", raw, 0, 0);
    } else if (expectedFields > 0 && fields.size() != expectedFields) {
      out.set(sourceFile, start, lineNumber, List.of(), CsvRecord.Kind.MALFORMED,
          "wrong field count: " + fields.size() + " fields, the header has " + expectedFields, raw, contentHeld,
          contentLength);
    } else if (!validUtf8 || !utf8.atBoundary()) {
      // Only a well-formed record is judged on its encoding: CSV structure is ASCII, so it is checked first.
      out.set(sourceFile, start, lineNumber, List.of(), CsvRecord.Kind.INVALID_ENCODING,
          "not UTF-8", raw, contentHeld, contentLength);
    } else {
      out.set(sourceFile, start, lineNumber, fields, CsvRecord.Kind.RECORD, "", raw, contentHeld, contentLength);
    }
    return true;
  }

  private boolean malformedToEndOfLine(CsvRecord out, long lineNumber, String what) throws IOException {
    long errorAt = cursor.position() - 1;
    int b;
    while ((b = cursor.read()) >= 0) {
      append(b);
      if (b == LF) {
        break;
      }
    }
    if (b < 0 && endIsTruncation) {
      return false;
    }
    if (b < 0 && cursor.brokenBy() != null) {
      return truncated(out, lineNumber);
    }
    long contentLength = b == LF ? rawLength - (rawLength >= 2 && beforeLast == CR ? 2 : 1) : rawLength;
    out.set(sourceFile, start, lineNumber, List.of(), CsvRecord.Kind.MALFORMED, what + " at byte " + (errorAt - start) + " of the record",
        raw, (int) Math.min(held, contentLength), contentLength);
    return true;
  }

  /** The data broke off: the record read so far and the rest of the file are one record, the last. */
  private boolean truncated(CsvRecord out, long lineNumber) {
    finished = true;
    out.set(sourceFile, start, lineNumber, List.of(), CsvRecord.Kind.TRUNCATED, "the compressed data ends early ("
        + cursor.brokenBy().getMessage() + "): this record stands for the rest of the file", raw, held, rawLength);
    return true;
  }

  /** The record is cut after its first physical line; the bytes read past that are parsed again. */
  private boolean breakAtFirstLine(CsvRecord out, long lineNumber, String what) throws IOException {
    if (firstLineBreak < 0) {
      return malformedToEndOfLine(out, lineNumber, what);
    }
    cursor.unread(raw, firstLineBreak + 1, held);
    if (nextLineNumber > 0) {
      nextLineNumber = lineNumber + 1;
    }
    int contentLength = firstLineBreak > 0 && raw[firstLineBreak - 1] == CR ? firstLineBreak - 1 : firstLineBreak;
    out.set(sourceFile, start, lineNumber, List.of(), CsvRecord.Kind.MALFORMED,
        what + " (record cut at its first line break)", raw, contentLength,
        contentLength);
    return true;
  }
}
