package io.mrsuite.jobs.fuzz;

/**
 * A record about to be laid out: its bytes without terminator, what must become of it, its business key,
 * and how far into it a cut leaves it malformed for sure (0 when no such claim is made).
 */
record Entry(byte[] content, Expectation expectation, String key, int malformedIfCutBefore) {
  static Entry skipped() {
    return new Entry(new byte[0], Expectation.SKIPPED, null, 0);
  }

  /** Every record but the last ends with a line break; so does an empty last one, or it would not be there. */
  boolean endsLine(boolean last, boolean finalLineBreak) {
    return !last || finalLineBreak || content.length == 0;
  }

  static Entry quarantined(byte[] content, Expectation.Quarantined expectation, String key) {
    return new Entry(content, expectation, key, 0);
  }
}
