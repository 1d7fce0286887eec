package io.mrsuite.formats.csv;

import java.io.IOException;

/**
 * Finds a record start that is sure whatever came before it, at or before a split's start, so that the split
 * can parse from there with the true quote state and begin exactly at its first own record.
 *
 * <p>It steps back from the split's start, doubling the distance, until {@link QuoteStateSpeculator} finds a
 * sure start in the bytes between there and the split's start. Near the start of a file it gives up: the
 * split then reads from the header. The search holds at most {@code maxWindowBytes} in memory; a sure start
 * found in the first of them may lie further back than that, and the split parses its way forward from it.
 */
final class SplitStartSearch {
  private final QuoteStateSpeculator speculator;
  private final int firstDistance;
  private final int maxWindowBytes;

  /**
   * @param firstDistance how far back the first try starts
   * @param maxWindowBytes the most bytes looked at in one try
   */
  SplitStartSearch(QuoteStateSpeculator speculator, int firstDistance, int maxWindowBytes) {
    this.speculator = speculator;
    this.firstDistance = firstDistance;
    this.maxWindowBytes = maxWindowBytes;
  }

  /**
   * A cursor of {@code bytes} at a sure record start at or before the split's start; null when none was found
   * before the file's start.
   */
  ByteCursor sureStartBefore(SplitBytes bytes) throws IOException {
    for (long distance = firstDistance; ; distance *= 2) {
      ByteCursor cursor = bytes.fromBefore(distance);
      if (cursor == null) {
        return null;
      }
      long from = cursor.position();
      byte[] window = bytesBeforeStart(bytes, cursor);
      long sure = speculator.sureRecordStart(window, from);
      if (sure >= 0) {
        cursor.skip(sure - from);
        return cursor;
      }
    }
  }

  /**
   * The bytes ahead of {@code cursor} up to the split's start, at most {@code maxWindowBytes}. A bzip2 stream
   * learns where the split starts only as it reads, so it reads ahead in growing steps until it sees it.
   */
  private byte[] bytesBeforeStart(SplitBytes bytes, ByteCursor cursor) throws IOException {
    long from = cursor.position();
    int want = firstDistance;
    while (true) {
      long start = bytes.start();
      if (start >= 0) {
        return cursor.peek((int) Math.min(maxWindowBytes, start - from));
      }
      byte[] ahead = cursor.peek(want);
      if (bytes.start() < 0 && (ahead.length < want || want >= maxWindowBytes)) {
        return ahead;
      }
      want = (int) Math.min(maxWindowBytes, 2L * want);
    }
  }
}
