package io.mrsuite.formats.csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in a window of a CSV file's bytes, a position that is a record start whatever came before the window.
 *
 * <p>The idea is that of Ge et al., "Speculative Distributed CSV Data Parsing for Big Data Analytics", SIGMOD
 * 2019: parse the window from every state the parser may be in at its start, and take a record end that all
 * these parses share. Here the states are those of {@link CsvParser} with its size limit, so the guess is sure:
 *
 * <ul>
 *   <li>Records end only just after a line feed. At the window's start the parser is at a record start,
 *       inside a record in one of the {@link CsvState}s, or past the size limit reading to the end of the
 *       line. The first record end after the start is then that of the parse from the window's start in
 *       field-start, unquoted, quoted or after-quote state, or the end of the first line (where a record
 *       after a closing quote and a CR ends too). The record started before the window is at least one byte
 *       longer than such a parse assumes, so it may pass the limit earlier: then it either reached the limit
 *       with no line break, and runs to the end of the line, or it ends at its first line break, which cannot
 *       lie before the window as the record reaches into it.</li>
 *   <li>After a record end, what follows depends on the bytes from there on only.</li>
 * </ul>
 *
 * <p>So the first position that the parses from these five first record ends all reach is a record start of
 * the true parse. A parse from a wrong state puts quotes out of step until it breaks at a quote and resumes
 * at a line end, so they usually meet within a few lines. When they do not meet within the window, there is
 * no sure start in it.
 */
final class QuoteStateSpeculator {
  private static final List<CsvState> STATES =
      List.of(CsvState.FIELD_START, CsvState.UNQUOTED, CsvState.QUOTED, CsvState.AFTER_QUOTE);

  private final int maxRecordBytes;

  QuoteStateSpeculator(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * A record start after {@code windowStart} whatever the parser's state there, within the window; -1 when
   * there is none. The window must not hold the end of the file: its end is where the bytes seen stop.
   *
   * @param window the bytes from {@code windowStart} on
   */
  long sureRecordStart(byte[] window, long windowStart) throws IOException {
    List<Reading> readings = new ArrayList<>();
    for (CsvState state : STATES) {
      readings.add(new Reading(window, windowStart, 0, state));
    }
    int lineFeed = indexOfLineFeed(window);
    if (lineFeed < 0) {
      return -1;
    }
    readings.add(new Reading(window, windowStart, lineFeed + 1, null));
    // The readings' record starts ascend: move every reading behind the furthest one up to it, until all meet.
    while (true) {
      long furthest = -1;
      for (Reading reading : readings) {
        if (reading.start < 0) {
          return -1;
        }
        furthest = Math.max(furthest, reading.start);
      }
      boolean met = true;
      for (Reading reading : readings) {
        while (reading.start >= 0 && reading.start < furthest) {
          reading.next();
        }
        met &= reading.start == furthest;
      }
      if (met) {
        return furthest;
      }
    }
  }

  private static int indexOfLineFeed(byte[] window) {
    for (int i = 0; i < window.length; i++) {
      if (window[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The record starts that one parse of the window finds, one at a time, ascending. */
  private final class Reading {
    private final CsvParser parser;
    private final CsvRecord record = new CsvRecord();
    /** The current record start, -1 once the parse has none left in the window. */
    long start;

    /**
     * With a state, the parse starts inside a record in that state at {@code window[from]}, and its first
     * start is that record's end; without one, {@code from} is a record start and comes first.
     */
    Reading(byte[] window, long windowStart, int from, CsvState state) throws IOException {
      parser = new CsvParser(ByteCursor.over(window, from, windowStart + from), "", maxRecordBytes, true, 0);
      if (state == null) {
        start = windowStart + from;
      } else {
        start = parser.next(record, state) ? parser.position() : -1;
      }
    }

    void next() throws IOException {
      start = parser.next(record) ? parser.position() : -1;
    }
  }
}
