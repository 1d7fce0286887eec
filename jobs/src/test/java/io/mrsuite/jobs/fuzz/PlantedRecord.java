package io.mrsuite.jobs.fuzz;

/**
 * One record (or empty line) the generator wrote into a raw file: where its bytes are in the decompressed
 * file, what must become of it, and the business key that ties it to other records.
 */
final class PlantedRecord {
  private final long offset;
  private final int contentLength;
  private final int terminatorLength;
  private final String key;
  /** Bytes from the record's start before which a cut leaves it malformed for sure (0: no such claim). */
  private final int malformedIfCutBefore;
  /** False for a record a cut made: where a reader ends it depends on the reader's rules for broken records. */
  private final boolean lengthKnown;
  private Expectation expectation;
  private long line;

  PlantedRecord(long offset, int contentLength, int terminatorLength, Expectation expectation, String key,
      int malformedIfCutBefore) {
    this(offset, contentLength, terminatorLength, expectation, key, malformedIfCutBefore, true);
  }

  private PlantedRecord(long offset, int contentLength, int terminatorLength, Expectation expectation, String key,
      int malformedIfCutBefore, boolean lengthKnown) {
    this.lengthKnown = lengthKnown;
    this.offset = offset;
    this.contentLength = contentLength;
    this.terminatorLength = terminatorLength;
    this.expectation = expectation;
    this.key = key;
    this.malformedIfCutBefore = malformedIfCutBefore;
  }

  long offset() {
    return offset;
  }

  /** Length without the terminator: what a quarantine record reports as raw_length when it is known. */
  int contentLength() {
    return contentLength;
  }

  boolean lengthKnown() {
    return lengthKnown;
  }

  /** The offset just past the record's terminator. */
  long end() {
    return offset + contentLength + terminatorLength;
  }

  /** Whether a line break ends the record (the last one of a file may have none). */
  boolean isTerminated() {
    return terminatorLength > 0;
  }

  boolean contains(long position) {
    return position >= offset && position < end();
  }

  /** The business key: order id for orders and their lines, product id, currency; null for events. */
  String key() {
    return key;
  }

  int malformedIfCutBefore() {
    return malformedIfCutBefore;
  }

  Expectation expectation() {
    return expectation;
  }

  void expect(Expectation newExpectation) {
    expectation = newExpectation;
  }

  /** 1-based physical line of the record's first byte. */
  long line() {
    return line;
  }

  void atLine(long physicalLine) {
    line = physicalLine;
  }

  /** The record cut at {@code at} bytes from its start, terminator lost. */
  PlantedRecord cutAt(int at, Expectation whatRemains) {
    PlantedRecord cut = new PlantedRecord(offset, Math.min(at, contentLength), 0, whatRemains, key, 0, false);
    cut.line = line;
    return cut;
  }

  @Override
  public String toString() {
    String planted = expectation instanceof Expectation.Written ? "valid"
        : expectation instanceof Expectation.Quarantined q ? "bad " + q.reasons()
        : expectation instanceof Expectation.Skipped ? "empty" : "corrupted";
    return planted + " record at byte " + offset + " (line " + line + ", " + contentLength + " bytes)";
  }
}
