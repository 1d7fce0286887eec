package io.mrsuite.formats.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.PositionedReadable;

/**
 * Guesses where the first record starting at or after a byte position begins, reading only a window of
 * bytes after it (Ge et al., "Speculative Distributed CSV Data Parsing for Big Data Analytics", SIGMOD
 * 2019): the position may lie in an unquoted field, at a field start, inside a quoted field, or right
 * after a quote in one. The window is parsed from each of these states; the state whose parse finds
 * the fewest malformed records wins (a wrong state puts every quote out of step, so its parse breaks at
 * the first quote), ties going to the states outside quotes, the likelier ones. The guess is the end of
 * the first record that parse finds.
 *
 * <p>This is only a guess: {@link CsvRecordReader} proves it from the preceding split, which knows the
 * true state at the boundary. A deterministic function of the file's bytes, so both splits compute the
 * same guess.
 */
final class QuoteStateSpeculator {
  private static final List<CsvState> OUTSIDE_FIRST =
      List.of(CsvState.UNQUOTED, CsvState.FIELD_START, CsvState.QUOTED, CsvState.AFTER_QUOTE);
  private static final List<CsvState> FIELD_START_FIRST =
      List.of(CsvState.FIELD_START, CsvState.UNQUOTED, CsvState.QUOTED, CsvState.AFTER_QUOTE);

  private final PositionedReadable file;
  private final long fileLength;
  private final int maxRecordBytes;
  private final int windowBytes;
  private final int expectedFields;

  QuoteStateSpeculator(PositionedReadable file, long fileLength, int maxRecordBytes, int windowBytes,
      int expectedFields) {
    this.file = file;
    this.fileLength = fileLength;
    this.maxRecordBytes = maxRecordBytes;
    this.windowBytes = windowBytes;
    this.expectedFields = expectedFields;
  }

  /** The guessed start of the first record at or after {@code position} (> 0); the file length if none. */
  long firstRecordStart(long position) throws IOException {
    byte[] previous = new byte[1];
    file.readFully(position - 1, previous, 0, 1);
    List<CsvState> order = previous[0] == ',' || previous[0] == '\n' ? FIELD_START_FIRST : OUTSIDE_FIRST;
    long window = windowBytes;
    while (true) {
      int length = (int) Math.min(window, fileLength - position);
      byte[] bytes = new byte[length];
      file.readFully(position, bytes, 0, length);
      boolean truncated = position + length < fileLength;
      long best = -1;
      int bestErrors = Integer.MAX_VALUE;
      for (CsvState state : order) {
        Guess guess = parse(bytes, position, state, truncated);
        if (guess.firstEnd >= 0 && guess.errors < bestErrors) {
          best = guess.firstEnd;
          bestErrors = guess.errors;
        }
      }
      if (best >= 0) {
        return best;
      }
      if (!truncated) {
        return fileLength;
      }
      if (window > 2L * maxRecordBytes + windowBytes) {
        // No state finds a record end this far: it is one over-long record whatever the state.
        return Math.min(fileLength, position + window);
      }
      window *= 2;
    }
  }

  private record Guess(long firstEnd, int errors) {
  }

  private Guess parse(byte[] bytes, long position, CsvState state, boolean truncated) throws IOException {
    CsvParser parser = new CsvParser(new ByteCursor(new ByteArrayInputStream(bytes), position), "", maxRecordBytes,
        truncated, 0);
    CsvRecord record = new CsvRecord();
    // The first record is the tail of one that started before the position: its field count means nothing.
    if (!parser.next(record, state)) {
      return new Guess(truncated ? -1 : position + bytes.length, 0);
    }
    long firstEnd = parser.position();
    int errors = record.kind() == CsvRecord.Kind.MALFORMED ? 1 : 0;
    parser.expectFields(expectedFields);
    while (parser.next(record)) {
      if (record.kind() == CsvRecord.Kind.MALFORMED) {
        errors++;
      }
    }
    return new Guess(firstEnd, errors);
  }
}
