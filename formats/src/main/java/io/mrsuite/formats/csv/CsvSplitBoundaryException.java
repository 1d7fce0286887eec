package io.mrsuite.formats.csv;

import java.io.IOException;

/**
 * The quote state guessed at a split boundary was wrong: the next split would read from the middle of
 * a record. Never ignored; the task fails naming the file and offsets, and the file can be read unsplit.
 */
public final class CsvSplitBoundaryException extends IOException {
  private static final long serialVersionUID = 1L;

  CsvSplitBoundaryException(String file, long boundary, long guessed, long recordStart, long recordEnd) {
    super(file + ": the CSV split boundary at byte " + boundary + " could not be proven: the next split starts"
        + " reading at byte " + guessed + ", but the record there runs from byte " + recordStart + " to byte "
        + recordEnd + ". Read this file unsplit (-D " + CsvInputKeys.SPLITTABLE + "=false).");
  }
}
