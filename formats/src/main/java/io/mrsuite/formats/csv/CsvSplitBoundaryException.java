package io.mrsuite.formats.csv;

import java.io.IOException;

/**
 * The quote state guessed at a split boundary was wrong: the next split would read from the middle of
 * a record. Never ignored; the task fails naming the file and offsets, and the file can be read unsplit.
 */
public final class CsvSplitBoundaryException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param recordStart the start of the record holding {@code guessed}, or -1 when this split read none before it */
  CsvSplitBoundaryException(String file, long boundary, long guessed, long recordStart, long recordEnd) {
    super(file + ": the CSV split boundary at byte " + boundary + " could not be proven: the next split starts"
        + " reading at byte " + guessed + (recordStart >= 0
            ? ", but the record there runs from byte " + recordStart + " to byte " + recordEnd
            : ", before byte " + recordEnd + " where this split's first record starts")
        + ". Read this file unsplit (-D " + CsvInputKeys.SPLITTABLE + "=false).");
  }
}
