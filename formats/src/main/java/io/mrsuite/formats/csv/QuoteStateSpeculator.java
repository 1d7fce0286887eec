package io.mrsuite.formats.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.PositionedReadable;

/**
 * Guesses where the first record at or after a byte position starts, from a window of bytes after it.
 *
 * <p>The method is that of Ge et al., "Speculative Distributed CSV Data Parsing for Big Data Analytics",
 * SIGMOD 2019.
 *
 * <p>The window is parsed from each state the position may be in: unquoted field, field start, inside
 * quotes, just after a quote inside quotes. Parses from wrong states fall back in step at a line end, so
 * the first record end they all share is a record end of the true parse. When they do not meet within
 * the window, the state whose parse looks least malformed is chosen (formats/README.md gives the order).
 *
 * <p>A guess only: {@link CsvRecordReader} proves it from the split before, which knows the true state.
 * It depends on the file's bytes alone, so both splits compute the same one.
 */
final class QuoteStateSpeculator {
  private static final List<CsvState> OUTSIDE_FIRST =
      List.of(CsvState.UNQUOTED, CsvState.FIELD_START, CsvState.QUOTED, CsvState.AFTER_QUOTE);
  private static final List<CsvState> FIELD_START_FIRST =
      List.of(CsvState.FIELD_START, CsvState.UNQUOTED, CsvState.QUOTED, CsvState.AFTER_QUOTE);
  /** After a quote, well-formed CSV is inside a quoted field or right after its closing quote. */
  private static final List<CsvState> QUOTE_FIRST =
      List.of(CsvState.QUOTED, CsvState.AFTER_QUOTE, CsvState.UNQUOTED, CsvState.FIELD_START);

  /** The bytes a guess is made from: a file read at any position, or a decompressed stream read ahead. */
  interface Bytes {
    /** Up to {@code length} bytes from {@code position}; fewer only where the data ends. */
    byte[] read(long position, int length) throws IOException;

    /** The byte before {@code position}, or -1 where it is not known (a bzip2 block's predecessor). */
    int before(long position) throws IOException;
  }

  /** An uncompressed file: any window, and the byte before it. */
  static Bytes of(PositionedReadable file, long fileLength) {
    return new Bytes() {
      @Override
      public byte[] read(long position, int length) throws IOException {
        byte[] bytes = new byte[(int) Math.min(length, fileLength - position)];
        file.readFully(position, bytes, 0, bytes.length);
        return bytes;
      }

      @Override
      public int before(long position) throws IOException {
        byte[] previous = new byte[1];
        file.readFully(position - 1, previous, 0, 1);
        return previous[0];
      }
    };
  }

  private final Bytes data;
  private final int maxRecordBytes;
  private final int windowBytes;
  private final int expectedFields;

  QuoteStateSpeculator(Bytes data, int maxRecordBytes, int windowBytes, int expectedFields) {
    this.data = data;
    this.maxRecordBytes = maxRecordBytes;
    this.windowBytes = windowBytes;
    this.expectedFields = expectedFields;
  }

  /** The guessed start of a record after {@code position} (> 0); the end of the data if none. */
  long firstRecordStart(long position) throws IOException {
    List<CsvState> order = switch (data.before(position)) {
      case ',', '\n' -> FIELD_START_FIRST;
      case '"' -> QUOTE_FIRST;
      default -> OUTSIDE_FIRST;
    };
    long window = windowBytes;
    while (true) {
      byte[] bytes = data.read(position, (int) window);
      boolean truncated = bytes.length == window;
      List<Guess> guesses = new ArrayList<>();
      Guess best = null;
      for (CsvState state : order) {
        Guess guess = parse(bytes, position, state, truncated);
        if (guess.firstEnd() >= 0) {
          guesses.add(guess);
          if (best == null || guess.fewerErrorsThan(best)) {
            best = guess;
          }
        }
      }
      if (best != null) {
        long common = firstCommonEnd(guesses);
        return common >= 0 ? common : best.firstEnd();
      }
      if (!truncated) {
        return position + bytes.length;
      }
      if (window > 2L * maxRecordBytes + windowBytes) {
        // No state finds a record end this far: it is one over-long record whatever the state.
        return position + window;
      }
      window *= 2;
    }
  }

  /**
   * What parsing the window from one state found.
   *
   * <p>It holds the ends of its records in the window, ascending, so the first record's end comes first. It
   * also holds its malformed records and their lines, and its wrong field counts.
   */
  private record Guess(long[] ends, int endCount, int malformed, long malformedLines, int wrongFieldCounts) {
    long firstEnd() {
      return endCount == 0 ? -1 : ends[0];
    }

    boolean ends(long position) {
      return Arrays.binarySearch(ends, 0, endCount, position) >= 0;
    }

    boolean fewerErrorsThan(Guess other) {
      if (malformed != other.malformed) {
        return malformed < other.malformed;
      }
      if (malformedLines != other.malformedLines) {
        return malformedLines < other.malformedLines;
      }
      return wrongFieldCounts < other.wrongFieldCounts;
    }
  }

  /** The first record end all the parses find, or -1. */
  private static long firstCommonEnd(List<Guess> guesses) {
    Guess first = guesses.get(0);
    for (int i = 0; i < first.endCount(); i++) {
      long end = first.ends()[i];
      if (guesses.stream().allMatch(guess -> guess.ends(end))) {
        return end;
      }
    }
    return -1;
  }

  /** The physical lines the record {@code bytes[from, to)} touches: 1 and one more per line feed before its last byte. */
  private static long lines(byte[] bytes, long from, long to) {
    long count = 1;
    for (int i = (int) from; i < to - 1; i++) {
      if (bytes[i] == '\n') {
        count++;
      }
    }
    return count;
  }

  private Guess parse(byte[] bytes, long position, CsvState state, boolean truncated) throws IOException {
    CsvParser parser = new CsvParser(new ByteCursor(new ByteArrayInputStream(bytes), position), "", maxRecordBytes,
        truncated, 0);
    CsvRecord record = new CsvRecord();
    // The first record is the tail of one that started before the position: its field count means nothing.
    if (!parser.next(record, state)) {
      return truncated
          ? new Guess(new long[0], 0, 0, 0, 0)
          : new Guess(new long[] {position + bytes.length}, 1, 0, 0, 0);
    }
    long[] ends = new long[64];
    int endCount = 0;
    ends[endCount++] = parser.position();
    int malformed = 0;
    long malformedLines = 0;
    if (record.kind() == CsvRecord.Kind.MALFORMED) {
      malformed++;
      malformedLines += lines(bytes, 0, parser.position() - position);
    }
    int wrongFieldCounts = 0;
    // The parser expects no field count here, so MALFORMED means a quote out of place or an over-long record.
    while (parser.next(record)) {
      if (endCount == ends.length) {
        ends = Arrays.copyOf(ends, 2 * endCount);
      }
      ends[endCount++] = parser.position();
      if (record.kind() == CsvRecord.Kind.MALFORMED) {
        malformed++;
        malformedLines += lines(bytes, record.offset() - position, parser.position() - position);
      } else if (record.kind() == CsvRecord.Kind.RECORD && expectedFields > 0
          && record.fields().size() != expectedFields) {
        wrongFieldCounts++;
      }
    }
    return new Guess(ends, endCount, malformed, malformedLines, wrongFieldCounts);
  }
}
